// Text that a date or time cell may be showing (the Sheets API renders dates as their formatted text).

const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;
const NUMERIC_DATE_OR_TIME = /^\d[\d\s/.,:-]*[/.:-][\d\s/.,:-]*\d(\s*[ap]\.?m\.?)?$/i;

/**
 * True when `text` may be a rendered date or time ("3/4/2026", "2026-03-04 10:00", "4 Mar 2026", "10:30 AM"): only
 * such ids are checked against the cell's real type, so a sheet of ordinary ids costs no extra read.
 */
export function mayBeRenderedDate(text: string): boolean {
  return /\d/.test(text) && (NUMERIC_DATE_OR_TIME.test(text) || MONTH.test(text));
}
