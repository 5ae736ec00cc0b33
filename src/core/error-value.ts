// Error values a formula cell shows instead of a result: they are never data and never go to Trello.

/** The texts Sheets shows for a formula that failed, or whose result is still being computed. */
export const ERROR_VALUES: readonly string[] = ['#N/A', '#REF!', '#NAME?', '#ERROR!', '#VALUE!', '#DIV/0!', '#NUM!', '#NULL!', 'Loading...'];

/** True when a cell's text is a formula's error value (compared case-insensitively, as Sheets shows them in capitals). */
export function isErrorValue(text: string): boolean {
  const upper = text.trim().toUpperCase();
  return ERROR_VALUES.some((value) => value.toUpperCase() === upper);
}

/** The flag of a cell that shows an error value. */
export function errorValueMessage(text: string): string {
  return `This cell shows ${text}, the result of a formula that failed, so the row is not synced. Fix the formula or type the value.`;
}
