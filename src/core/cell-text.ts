// How a cell value read from the sheet becomes text, and how text from Trello is kept from becoming a formula.

/** The text of a cell value as the add-on compares it (numbers plainly, blank as ''). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  return String(value).trim();
}

// A leading apostrophe makes Sheets store the rest as text: no formula (=, +, -, @), no number or date parsing.
const NEEDS_TEXT_GUARD = /^[=+\-@']|^\s*[\d.]|^(true|false)$/i;

/** The value to write so that `text` lands in the cell as the same plain text, whatever it starts with. */
export function asPlainTextCell(text: string): string {
  return NEEDS_TEXT_GUARD.test(text) ? `'${text}` : text;
}
