// Error values a formula cell shows instead of a result: they are never data and never go to Trello.

/** The texts Sheets shows for a formula that failed, or whose result is still being computed. */
export const ERROR_VALUES: readonly string[] = ['#N/A', '#REF!', '#NAME?', '#ERROR!', '#VALUE!', '#DIV/0!', '#NUM!', '#NULL!', 'Loading...'];

const ERROR_TEXTS = new Set(ERROR_VALUES.map((value) => value.toUpperCase()));
const LONGEST_ERROR_VALUE = Math.max(...ERROR_VALUES.map((value) => value.length));

/** True when a cell's text is a formula's error value (compared case-insensitively, as Sheets shows them in capitals). */
export function isErrorValue(text: string): boolean {
  // Every cell of every run comes here: most are longer than any error value and need no upper-casing.
  const trimmed = text.trim();
  // Stryker disable next-line ConditionalExpression: without the length check the set lookup gives the same answer, only slower.
  return trimmed.length <= LONGEST_ERROR_VALUE && ERROR_TEXTS.has(trimmed.toUpperCase());
}

/** The flag of a cell that shows an error value. */
export function errorValueMessage(text: string): string {
  return `This cell shows ${text}, the result of a formula that failed, so the row is not synced. Fix the formula or type the value.`;
}
