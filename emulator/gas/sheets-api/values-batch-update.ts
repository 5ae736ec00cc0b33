// spreadsheets.values.batchUpdate: values written into several ranges of one spreadsheet in one call, taken as they
// are (RAW) or as if a person typed them (USER_ENTERED); a null skips its cell. Like every API write, it checks no
// data validation rule and fires no edit trigger.
import { columnLetters } from '../spreadsheet/a1-notation';
import { contentOf, type CellContent } from '../spreadsheet/cell-input';
import type { CellBlock } from '../spreadsheet/range-resolution';
import type { SpreadsheetModel } from '../spreadsheet/spreadsheet-model';
import { badRequest, checkCellLength } from './api-error';
import { apiA1, resolveApiRange } from './api-range';
import { enumField, listField, objectOf, type ApiRequest } from './request-fields';
import { majorDimensionOf, renderOptionsOf, valueRangeOf, type ValueRange } from './value-range';

/** The answer for one range of values.batchUpdate. */
export interface UpdateValuesResponse {
  spreadsheetId: string;
  updatedRange: string;
  updatedRows: number;
  updatedColumns: number;
  updatedCells: number;
  updatedData?: ValueRange;
}

/** The answer of values.batchUpdate. */
export interface BatchUpdateValuesResponse {
  spreadsheetId: string;
  totalUpdatedRows: number;
  totalUpdatedColumns: number;
  totalUpdatedCells: number;
  totalUpdatedSheets: number;
  responses: UpdateValuesResponse[];
}

type InputValue = string | number | boolean | null;

/** One range's write, checked and ready to apply. */
interface PlannedWrite {
  block: CellBlock;
  contents: (CellContent | null)[][];
}

/** The rows to write: `values` as sent, checked cell by cell, turned into rows when given as columns. */
function inputRows(entry: ApiRequest, index: number): InputValue[][] {
  const lines = listField(entry, 'values').map((line, i) => {
    if (!Array.isArray(line)) {
      throw badRequest(`Invalid value at 'data[${index}].values[${i}]' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(line)}`);
    }
    return line.map((value: unknown, j): InputValue => {
      checkCellLength(value);
      if (value === null || typeof value !== 'object') return value as InputValue;
      throw badRequest(`Invalid values[${i}][${j}]: ${Array.isArray(value) ? 'list_value' : 'struct_value'}`);
    });
  });
  if (majorDimensionOf(entry) === 'ROWS') return lines;
  const height = Math.max(0, ...lines.map((line) => line.length));
  return Array.from({ length: height }, (_, i) => lines.map((line) => line[i] ?? null));
}

function plan(book: SpreadsheetModel, entry: ApiRequest, index: number, raw: boolean): PlannedWrite {
  const range = resolveApiRange(book, String(entry.range));
  const rows = inputRows(entry, index);
  const { sheet, row, column } = range;
  const numColumns = Math.max(0, ...rows.map((line) => line.length));
  // A range of one cell is where the values start; any other range bounds them.
  const lastRow = range.anchor ? sheet.maxRows : range.endRow;
  const lastColumn = range.anchor ? sheet.maxColumns : range.endColumn;
  if (row + rows.length - 1 > lastRow) {
    throw badRequest(`Requested writing within range [${range.written}], but tried writing to row [${lastRow + 1}]`);
  }
  if (column + numColumns - 1 > lastColumn) {
    throw badRequest(`Requested writing within range [${range.written}], but tried writing to column [${columnLetters(lastColumn + 1)}]`);
  }
  const formats = raw ? null : sheet.read('formats', row, column, Math.max(rows.length, 1), Math.max(numColumns, 1));
  const contents = rows.map((line, i) =>
    line.map((value, j): CellContent | null => {
      if (value === null) return null;
      return formats ? contentOf(value, formats[i][j], book.timeZone) : { value, formula: '' };
    }),
  );
  return { block: { sheet, row, column, numRows: rows.length, numColumns }, contents };
}

function updatedCount(contents: readonly (readonly (CellContent | null)[])[]): { rows: number; columns: number; cells: number } {
  const columns = new Set<number>();
  let rows = 0;
  let cells = 0;
  for (const line of contents) {
    let written = 0;
    line.forEach((content, j) => {
      if (content === null) return;
      written++;
      columns.add(j);
    });
    if (written > 0) rows++;
    cells += written;
  }
  return { rows, columns: columns.size, cells };
}

/**
 * Writes every range of `request.data` into `book`, or nothing: each range and its values are checked before any
 * cell changes. `valueInputOption` is required; with `includeValuesInResponse` each answer carries the written block
 * as read back (per `responseValueRenderOption` and `responseDateTimeRenderOption`).
 */
export function valuesBatchUpdate(book: SpreadsheetModel, request: ApiRequest): BatchUpdateValuesResponse {
  const option = enumField(request, 'valueInputOption', 'ValueInputOption', ['RAW', 'USER_ENTERED', 'INPUT_VALUE_OPTION_UNSPECIFIED'], 'INPUT_VALUE_OPTION_UNSPECIFIED');
  if (option === 'INPUT_VALUE_OPTION_UNSPECIFIED') throw badRequest("'valueInputOption' is required but not specified");
  const raw = option === 'RAW';
  const readBack = request.includeValuesInResponse === true ? renderOptionsOf(request, 'responseValueRenderOption', 'responseDateTimeRenderOption', 'ROWS') : null;
  const writes = listField(request, 'data').map((entry, index) => plan(book, objectOf(entry), index, raw));
  const sheets = new Set<unknown>();
  const total = { rows: 0, columns: 0, cells: 0 };
  for (const { block, contents } of writes) block.sheet.storeContents(block.row, block.column, contents);
  const responses = writes.map(({ block, contents }): UpdateValuesResponse => {
    const count = updatedCount(contents);
    if (count.cells > 0) sheets.add(block.sheet);
    total.rows += count.rows;
    total.columns += count.columns;
    total.cells += count.cells;
    const { sheet, row, column, numRows, numColumns } = block;
    const response: UpdateValuesResponse = {
      spreadsheetId: book.id,
      updatedRange: apiA1(sheet, row, column, Math.max(numRows, 1), Math.max(numColumns, 1)),
      updatedRows: count.rows,
      updatedColumns: count.columns,
      updatedCells: count.cells,
    };
    if (readBack && numRows > 0 && numColumns > 0) response.updatedData = valueRangeOf(block, readBack, book.timeZone);
    return response;
  });
  return {
    spreadsheetId: book.id,
    totalUpdatedRows: total.rows,
    totalUpdatedColumns: total.columns,
    totalUpdatedCells: total.cells,
    totalUpdatedSheets: sheets.size,
    responses,
  };
}
