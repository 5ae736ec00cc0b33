// The conflict rule: when both sides changed since the last sync, the newer change wins.

/** Which side's value a conflict keeps. */
export type Winner = 'sheet' | 'board';

/** How a field's three-way comparison turns out: which side's value stands, and whether that took the conflict rule. */
export interface ThreeWayOutcome {
  keep: Winner;
  conflict: boolean;
  /** A conflict the sheet won only because the board's change time is unknown (the sheet's is known): worth a re-read. */
  boardTimeUnknown: boolean;
}

/**
 * The three-way rule for one field: unchanged on the board (or both sides agree) keeps the sheet's value, changed on
 * the board only keeps the board's, and changed on both sides is a conflict settled by `conflictWinner`.
 */
export function threeWay(change: {
  sheetChanged: boolean;
  boardChanged: boolean;
  agree: boolean;
  sheetEditedAt: number | undefined;
  boardChangedAt: number | undefined;
}): ThreeWayOutcome {
  if (!change.boardChanged || change.agree) return { keep: 'sheet', conflict: false, boardTimeUnknown: false };
  if (!change.sheetChanged) return { keep: 'board', conflict: false, boardTimeUnknown: false };
  const boardTimeUnknown = change.sheetEditedAt !== undefined && change.boardChangedAt === undefined;
  return { keep: conflictWinner(change.sheetEditedAt, change.boardChangedAt), conflict: true, boardTimeUnknown };
}

/**
 * Newer wins. The sheet's edit time comes from the edit trigger; when it is unknown the sheet wins (a formula, import
 * or API edit happened at some unknown time, and a person's sheet is the system of record).
 */
export function conflictWinner(sheetEditedAt: number | undefined, boardChangedAt: number | undefined): Winner {
  if (sheetEditedAt === undefined) return 'sheet';
  if (boardChangedAt === undefined) return 'sheet';
  return boardChangedAt > sheetEditedAt ? 'board' : 'sheet';
}
