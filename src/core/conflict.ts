// The conflict rule: when both sides changed since the last sync, the newer change wins.

/** Which side's value a conflict keeps. */
export type Winner = 'sheet' | 'board';

/**
 * Newer wins. The sheet's edit time comes from the edit trigger; when it is unknown the sheet wins (a formula, import
 * or API edit happened at some unknown time, and a person's sheet is the system of record).
 */
export function conflictWinner(sheetEditedAt: number | undefined, boardChangedAt: number | undefined): Winner {
  if (sheetEditedAt === undefined) return 'sheet';
  if (boardChangedAt === undefined) return 'sheet';
  return boardChangedAt > sheetEditedAt ? 'board' : 'sheet';
}
