// The one place that turns getRange arguments — `(a1)`, `(row, column)`, `(row, column, numRows)`,
// `(row, column, numRows, numColumns)` — into a checked block of a sheet.
import { parseA1 } from './a1-notation';
import { GasError, messages } from './gas-error';
import { checkArgs } from './script-args';
import type { SheetModel } from './sheet-model';
import type { SpreadsheetModel } from './spreadsheet-model';

/** A block of cells on one sheet, 1-based. */
export interface CellBlock {
  sheet: SheetModel;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** Checks the coordinates of a block in the order Apps Script does and returns it. */
export function checkedBlock(sheet: SheetModel, row: number, column: number, numRows: number, numColumns: number): CellBlock {
  if (row < 1) throw new GasError(messages.startRowTooSmall);
  if (column < 1) throw new GasError(messages.startColumnTooSmall);
  if (numRows < 1) throw new GasError(messages.rowCountTooSmall);
  if (numColumns < 1) throw new GasError(messages.columnCountTooSmall);
  sheet.checkInside(row, column, numRows, numColumns);
  return { sheet, row, column, numRows, numColumns };
}

/** The block an A1 reference names; a sheet-qualified one is looked up in `book`, others lie on `sheet`. */
export function blockOfA1(book: SpreadsheetModel, sheet: SheetModel | undefined, notation: string): CellBlock {
  const ref = parseA1(notation);
  const target = ref.sheetName === null ? sheet : book.sheet(ref.sheetName);
  if (!target) throw new GasError(messages.rangeNotFound);
  const endRow = ref.endRow ?? target.maxRows;
  const endColumn = ref.endColumn ?? target.maxColumns;
  return checkedBlock(target, ref.startRow, ref.startColumn, endRow - ref.startRow + 1, endColumn - ref.startColumn + 1);
}

/** Resolves the arguments of `method` (e.g. `Sheet.getRange`) on `sheet` of `book`. */
export function resolveRange(method: string, book: SpreadsheetModel, sheet: SheetModel, args: readonly unknown[]): CellBlock {
  if (typeof args[0] === 'string') {
    checkArgs(method, args, ['string']);
    return blockOfA1(book, sheet, args[0]);
  }
  checkArgs(method, args, ['number', 'number'], ['number', 'number']);
  const [row, column, numRows = 1, numColumns = 1] = args.map((a) => (a === undefined ? undefined : Math.trunc(a as number)));
  return checkedBlock(sheet, row as number, column as number, numRows, numColumns);
}
