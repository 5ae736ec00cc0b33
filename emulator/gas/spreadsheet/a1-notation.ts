// A1 notation: column letters, parsing `'Lead Tracker'!A1:B2`-style references, and printing a range back.
import { GasError, messages } from './gas-error';

/** A parsed reference; a null end reaches the edge of the sheet (`A:A`, `2:3`, `A2:B`, `B2:2`). */
export interface A1Reference {
  sheetName: string | null;
  startRow: number;
  startColumn: number;
  endRow: number | null;
  endColumn: number | null;
}

/** `1` → `A`, `27` → `AA`. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** `A1` for one cell, `A1:B2` otherwise. */
export function formatA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = columnLetters(column) + row;
  return numRows === 1 && numColumns === 1 ? start : `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

interface Part {
  column: number | null;
  row: number | null;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parsePart(text: string): Part | null {
  const match = PART.exec(text);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const row = match[2] === '' ? null : Number(match[2]);
  if (row === 0) return null;
  return { column: match[1] === '' ? null : columnNumber(match[1]), row };
}

/** `'Lead Tracker'` → `Lead Tracker` (`''` inside stands for `'`); an unquoted name is returned as it is. */
export function unquoteSheetName(text: string): string {
  const quoted = /^'((?:[^']|'')+)'$/.exec(text);
  return quoted ? quoted[1].replace(/''/g, "'") : text;
}

const PLAIN_SHEET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CELL_LIKE = /^[A-Za-z]{1,3}\d+$/;

/** A sheet name as Sheets prints it in a range: as it is when it is a plain word that cannot be read as a cell, quoted otherwise. */
export function quoteSheetName(name: string): string {
  return PLAIN_SHEET_NAME.test(name) && !CELL_LIKE.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function splitSheet(notation: string): { sheetName: string | null; ref: string } {
  const bang = notation.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: notation };
  return { sheetName: unquoteSheetName(notation.slice(0, bang)), ref: notation.slice(bang + 1) };
}

/** Parses `A1`, `B2:D4`, `A:C`, `2:5`, `A2:B`, `A2:2`, each optionally sheet-qualified; throws `Range not found` otherwise. */
export function parseA1(notation: string): A1Reference {
  const { sheetName, ref } = splitSheet(notation.trim());
  const [first, second, extra] = ref.split(':');
  const a = parsePart(first);
  const b = second === undefined ? a : parsePart(second);
  if (!a || !b || extra !== undefined) throw new GasError(messages.rangeNotFound);
  const single = second === undefined;
  // A lone column (`A`) or row (`3`) is no range; an open start with a closed end (`A:B5`, `2:B3`) is none either.
  if (single && (a.row === null || a.column === null)) throw new GasError(messages.rangeNotFound);
  if ((a.column === null && b.column !== null) || (a.row === null && b.row !== null)) throw new GasError(messages.rangeNotFound);
  const rows = [a.row ?? 1, b.row ?? a.row ?? 1];
  const columns = [a.column ?? 1, b.column ?? a.column ?? 1];
  return {
    sheetName: sheetName || null,
    startRow: Math.min(rows[0], rows[1]),
    startColumn: Math.min(columns[0], columns[1]),
    endRow: a.row === null || b.row === null ? null : Math.max(rows[0], rows[1]),
    endColumn: a.column === null || b.column === null ? null : Math.max(columns[0], columns[1]),
  };
}
