// How a written value becomes cell content, the way Sheets reads what a person types (setValue does the same):
// `=…` is a formula, `'…` is text, number-, boolean- and date-looking text becomes a number, boolean or date —
// unless the cell's number format is plain text.
import { isDate, type CellValue } from './cell-value';
import { epochOf } from './time-zone';

/** The number format that keeps whatever is written as text. */
export const PLAIN_TEXT_FORMAT = '@';

/**
 * The value a formula cell reads as. The emulator does not evaluate formulas; Sheets shows this error for a formula
 * it cannot evaluate (an unknown function), so scripts see an error text rather than a plausible computed value.
 */
export const FORMULA_VALUE = '#NAME?';

/** A cell's content: its value and, for a formula cell, the formula text ('' otherwise). */
export interface CellContent {
  value: CellValue;
  formula: string;
}

const NUMERIC_START = /[\d+.-]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseDate(text: string, timeZone: string): Date | null {
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  const m = iso ?? us;
  if (!m) return null;
  const [year, month, day] = iso ? [m[1], m[2], m[3]].map(Number) : [m[3], m[1], m[2]].map(Number);
  const [hour, minute, second] = [m[4], m[5], m[6]].map((s) => Number(s ?? 0));
  const probe = new Date(Date.UTC(year, month - 1, day));
  // 2026-02-30 is text to Sheets, not a date in March.
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  return new Date(epochOf({ year, month, day, hour, minute, second }, timeZone));
}

function parseText(text: string, timeZone: string): CellContent {
  const first = text.charAt(0);
  if (first === '=' && text.length > 1) return { value: FORMULA_VALUE, formula: text };
  if (first === "'") return { value: text.slice(1), formula: '' };
  // Numbers and dates start with a digit, a sign or a point; most text (names, emails) is rejected by this one test.
  if (NUMERIC_START.test(first)) {
    if (NUMBER.test(text)) return { value: Number(text), formula: '' };
    return { value: parseDate(text, timeZone) ?? text, formula: '' };
  }
  const upper = text.length === 4 || text.length === 5 ? text.toUpperCase() : '';
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE', formula: '' };
  return { value: text, formula: '' };
}

/** The content a cell with `numberFormat` gets when `input` is written into it. */
export function contentOf(input: unknown, numberFormat: string, timeZone: string): CellContent {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  // Copied, so that the script changing its Date later does not change the cell.
  if (typeof input === 'object' && isDate(input)) return { value: new Date(input.getTime()), formula: '' };
  const text = typeof input === 'string' ? input : String(input);
  return numberFormat === PLAIN_TEXT_FORMAT ? { value: text, formula: '' } : parseText(text, timeZone);
}
