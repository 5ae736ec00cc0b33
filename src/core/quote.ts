// Quoting a cell or card value in a note or a log line: never more than a short excerpt, so no note or log cell can
// grow past a cell's limit because of what a person typed.

/** The most characters of a value that a note or a log line quotes. */
export const MAX_QUOTED_CHARACTERS = 200;

/** A number with thousands separators ("60,000"), the same in every locale. */
export function groupedNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The value in double quotes, cut to its first 200 characters (with its full length) when longer. */
export function quote(value: string): string {
  if (value.length <= MAX_QUOTED_CHARACTERS) return `"${value}"`;
  return `"${value.slice(0, MAX_QUOTED_CHARACTERS)}…" (${groupedNumber(value.length)} characters)`;
}

/** The value itself when short, else its first 200 characters and an ellipsis (for a log's lead id column). */
export function shortened(value: string): string {
  return value.length <= MAX_QUOTED_CHARACTERS ? value : `${value.slice(0, MAX_QUOTED_CHARACTERS)}…`;
}

/** The most characters the add-on writes into one note or one Sync Log cell (a cell holds at most 50,000). */
export const MAX_NOTE_OR_LOG_CHARACTERS = 5_000;

/** The text cut to what one note or log cell may hold, so that such a write can never be refused for its size. */
export function fittedToCell(text: string): string {
  return text.length <= MAX_NOTE_OR_LOG_CHARACTERS ? text : `${text.slice(0, MAX_NOTE_OR_LOG_CHARACTERS - 1)}…`;
}
