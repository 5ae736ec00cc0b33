// How the Sheets API reads an A1 range of a request — a sheet name alone (`'Lead Tracker'`), or an A1 reference on a
// named sheet (`Sheet1!A2:J`) or on the first visible one (`A1:B2`) — and the errors it gives for one it cannot use.
import { formatA1, parseA1, quoteSheetName, unquoteSheetName, type A1Reference } from '../spreadsheet/a1-notation';
import { GasError } from '../spreadsheet/gas-error';
import type { SheetModel } from '../spreadsheet/sheet-model';
import type { SpreadsheetModel } from '../spreadsheet/spreadsheet-model';
import { badRequest } from './api-error';

/** A range of a request, resolved on its sheet; open ends (`A2:J`, a whole sheet) reach the edge of the grid. */
export interface ApiRange {
  sheet: SheetModel;
  row: number;
  column: number;
  endRow: number;
  endColumn: number;
  /** One cell written as such (`B2`, not `B2:B2`): a write may run on from it to the edge of the grid. */
  anchor: boolean;
  /** The range as the API's errors quote it: the sheet (quoted when it must be) and the reference as written. */
  written: string;
}

const WHOLE_SHEET: A1Reference = { sheetName: null, startRow: 1, startColumn: 1, endRow: null, endColumn: null };

/** `Sheet1!A1:C3`, `'Lead Tracker'!B2`: a block in the A1 notation the API answers with. */
export function apiA1(sheet: SheetModel, row: number, column: number, numRows: number, numColumns: number): string {
  return `${quoteSheetName(sheet.name)}!${formatA1(row, column, numRows, numColumns)}`;
}

// A sheet name may go unquoted before `!` only when it is one word (`Sheet1!A1`, not `Items & Stock!A1`).
const UNQUOTED_SHEET = /^[\p{L}\p{N}_]*$/u;

/** The reference `text` names, or null when the API could not parse it. */
function parse(text: string): A1Reference | null {
  const bang = text.lastIndexOf('!');
  const sheetPart = bang < 0 ? '' : text.slice(0, bang);
  if (!sheetPart.startsWith("'") && !UNQUOTED_SHEET.test(sheetPart)) return null;
  try {
    return parseA1(text);
  } catch (error) {
    if (error instanceof GasError) return null;
    throw error;
  }
}

/**
 * Resolves `text` on `book`: `Unable to parse range: <text>` for a malformed range or an unknown sheet, and
 * `Range (<range>) exceeds grid limits. Max rows: <n>, max columns: <m>` for one reaching past the sheet's grid.
 */
export function resolveApiRange(book: SpreadsheetModel, text: string): ApiRange {
  const trimmed = text.trim();
  const named = book.sheet(unquoteSheetName(trimmed));
  const ref = named ? WHOLE_SHEET : parse(trimmed);
  const sheet = named ?? (ref && (ref.sheetName === null ? book.sheets().find((s) => !s.hidden) : book.sheet(ref.sheetName)));
  if (!ref || !sheet) throw badRequest(`Unable to parse range: ${text}`);
  const cells = named ? '' : trimmed.slice(trimmed.lastIndexOf('!') + 1);
  const written = named ? quoteSheetName(sheet.name) : `${quoteSheetName(sheet.name)}!${cells}`;
  const { maxRows, maxColumns } = sheet;
  const endRow = ref.endRow ?? maxRows;
  const endColumn = ref.endColumn ?? maxColumns;
  if (ref.startRow > maxRows || ref.startColumn > maxColumns || endRow > maxRows || endColumn > maxColumns) {
    throw badRequest(`Range (${written}) exceeds grid limits. Max rows: ${maxRows}, max columns: ${maxColumns}`);
  }
  return { sheet, row: ref.startRow, column: ref.startColumn, endRow, endColumn, anchor: !named && !cells.includes(':'), written };
}
