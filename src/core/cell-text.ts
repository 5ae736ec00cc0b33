// How a cell value read from the sheet becomes text.

/** The text of a cell value as the add-on compares it (numbers plainly, blank as ''). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Stryker disable next-line ConditionalExpression,StringLiteral: a string reaches the same text through the last line; this is its quick path.
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  return String(value).trim();
}
