// The three-way rule for one mapped field of one lead: which side's value stands, what is sent, what is written back.
import { threeWay, type ThreeWayOutcome } from './conflict';
import type { FieldMapEntry } from './field-mapping';
import { sheetValue, stillSays, type FieldContext } from './field-values';
import { errorValueMessage, isErrorValue } from './error-value';
import { quote } from './quote';
import type { LogLine } from './sync-plan';

/** One field of one lead as the two sides and the base have it. */
export interface FieldSides {
  entry: FieldMapEntry;
  /** The cell's text as read. */
  sheetText: string;
  /** The card's comparable value. */
  boardValue: string;
  /** The comparable value at the last sync; undefined when none is known (the field was mapped since, or the base was lost). */
  base: string | undefined;
  sheetEditedAt: number | undefined;
  boardChangedAt: number | undefined;
}

/** How one field settles: the value both sides end with, and which side must be written. */
export type FieldResolution =
  | { bad: string }
  | {
      value: string;
      /** The card must be given `value`. */
      push: boolean;
      /** The cell must be given `value`. */
      writeCell: boolean;
      /** The three-way outcome, for fields synced both ways. */
      outcome?: ThreeWayOutcome;
      log?: Omit<LogLine, 'leadId'>;
    };

/** The field in a person's words: `due date (column "Follow up")`. */
function described(entry: FieldMapEntry): string {
  const field = entry.kind === 'desc' ? `description line ${quote(entry.label)}` : entry.kind === 'custom' ? `custom field ${quote(entry.label)}` : ({ name: 'name', due: 'due date', dueComplete: 'due-complete mark', labels: 'labels', members: 'members' } as const)[entry.kind];
  return `${field} (column ${quote(entry.column)})`;
}

/** Settles one field by its direction: one way, the source side stands; both ways, the three-way rule of the status. */
export function resolveField(sides: FieldSides, context: FieldContext): FieldResolution {
  const { entry, boardValue } = sides;
  if (isErrorValue(sides.sheetText)) return { bad: errorValueMessage(sides.sheetText) };
  const reading = sheetValue(entry, sides.sheetText, context);
  if (entry.direction === 'toSheet') {
    // Stryker disable next-line StringLiteral: a bad reading has no value, so it differs from the card's value either way
    const differs = 'bad' in reading || reading.value !== boardValue;
    return { value: boardValue, push: false, writeCell: differs, log: differs ? { direction: 'Trello → sheet', message: `The card's ${described(entry)} is ${quote(boardValue)}.` } : undefined };
  }
  const unchanged = sides.base !== undefined && stillSays(sides.sheetText, sides.base);
  if ('bad' in reading && !unchanged) return reading;
  const sheet = 'bad' in reading ? (sides.base ?? '') : reading.value;
  if (entry.direction === 'toTrello' || sheet === boardValue) {
    const push = sheet !== boardValue;
    return { value: sheet, push, writeCell: false, log: push ? { direction: 'sheet → Trello', message: `Set the card's ${described(entry)} to ${quote(sheet)}.` } : undefined };
  }
  // No base value: the field was mapped since the last sync (or the base was lost). A blank cell takes the card's
  // value, so mapping a new, empty column never wipes what the cards hold; otherwise the sheet's value stands.
  if (sides.base === undefined) {
    return sides.sheetText === ''
      ? { value: boardValue, push: false, writeCell: true, log: { direction: 'Trello → sheet', message: `The card's ${described(entry)} is ${quote(boardValue)}.` } }
      : { value: sheet, push: true, writeCell: false, log: { direction: 'sheet → Trello', message: `Set the card's ${described(entry)} to ${quote(sheet)}.` } };
  }
  const outcome = threeWay({
    sheetChanged: sheet !== sides.base || sides.sheetEditedAt !== undefined,
    boardChanged: boardValue !== sides.base,
    agree: false,
    sheetEditedAt: sides.sheetEditedAt,
    boardChangedAt: sides.boardChangedAt,
  });
  const value = outcome.keep === 'sheet' ? sheet : boardValue;
  const log: Omit<LogLine, 'leadId'> = outcome.conflict
    ? { direction: 'conflict', message: `The ${described(entry)} changed in the sheet (${quote(sheet)}) and on the board (${quote(boardValue)}); the ${outcome.keep === 'sheet' ? "sheet's change is newer or its time unknown, so it" : "board's change is newer and"} is kept.` }
    : outcome.keep === 'sheet'
      ? { direction: 'sheet → Trello', message: `Set the card's ${described(entry)} to ${quote(sheet)}.` }
      : { direction: 'Trello → sheet', message: `The card's ${described(entry)} changed to ${quote(boardValue)}.` };
  return { value, push: outcome.keep === 'sheet', writeCell: outcome.keep === 'board', outcome, log };
}
