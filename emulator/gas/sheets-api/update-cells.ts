// The updateCells request of spreadsheets.batchUpdate: cell values and notes written over a grid range (cells the
// rows leave out are cleared) or from a start cell, changing only the fields the request lists.
import { FORMULA_VALUE, type CellContent } from '../spreadsheet/cell-input';
import type { SheetModel } from '../spreadsheet/sheet-model';
import type { SpreadsheetModel } from '../spreadsheet/spreadsheet-model';
import { badRequest, checkCellLength } from './api-error';
import { listField, objectOf, type ApiRequest } from './request-fields';

/** The CellData fields the emulator writes. */
type Field = 'note' | 'userEnteredValue';
const FIELDS: readonly string[] = ['note', 'userEnteredValue'] satisfies Field[];
const EMPTY: CellContent = { value: '', formula: '' };

/** Where one request writes: 0-based, ends exclusive and clipped to the grid. */
interface Area {
  sheet: SheetModel;
  row: number;
  column: number;
  rowEnd: number;
  columnEnd: number;
  /** A range clears the listed fields of the cells its rows leave out; a start cell does not. */
  wholeArea: boolean;
}

function fieldsOf(mask: unknown, where: string): Field[] {
  const names = typeof mask === 'string' ? mask.split(',').map((name) => name.trim()).filter(Boolean) : [];
  if (names.length === 0) throw badRequest(`${where}: At least one field must be listed in 'fields'.`);
  for (const name of names) {
    if (!FIELDS.includes(name)) throw badRequest(`${where}: the field '${name}' is not supported by the emulator (it supports note and userEnteredValue).`);
  }
  return names as Field[];
}

function index(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function gridOf(book: SpreadsheetModel, sheetId: unknown, where: string): SheetModel {
  const id = index(sheetId, 0);
  const sheet = book.sheets().find((s) => s.sheetId === id);
  if (!sheet) throw badRequest(`${where}: No grid with id: ${id}`);
  return sheet;
}

function areaOf(book: SpreadsheetModel, request: ApiRequest, i: number, where: string): Area {
  if (request.range !== undefined && request.start !== undefined) {
    throw badRequest(`Invalid value at 'requests[${i}].update_cells' (oneof), oneof field 'area' is already set. Cannot set 'start'`);
  }
  if (request.range !== undefined) {
    const range = objectOf(request.range);
    const sheet = gridOf(book, range.sheetId, where);
    return {
      sheet,
      row: index(range.startRowIndex, 0),
      column: index(range.startColumnIndex, 0),
      rowEnd: Math.min(index(range.endRowIndex, sheet.maxRows), sheet.maxRows),
      columnEnd: Math.min(index(range.endColumnIndex, sheet.maxColumns), sheet.maxColumns),
      wholeArea: true,
    };
  }
  if (request.start === undefined) throw badRequest(`${where}: no start`);
  const start = objectOf(request.start);
  const sheet = gridOf(book, start.sheetId, where);
  return { sheet, row: index(start.rowIndex, 0), column: index(start.columnIndex, 0), rowEnd: sheet.maxRows, columnEnd: sheet.maxColumns, wholeArea: false };
}

function contentOfValue(value: unknown, where: string): CellContent {
  const extended = objectOf(value);
  const kinds = Object.keys(extended);
  if (kinds.length === 0) return EMPTY;
  const unsupported = () => badRequest(`${where}: the userEnteredValue ${JSON.stringify(extended)} is not supported by the emulator (it takes one of stringValue, numberValue, boolValue, formulaValue).`);
  if (kinds.length > 1) throw unsupported();
  const v = extended[kinds[0]];
  checkCellLength(v);
  switch (kinds[0]) {
    case 'stringValue':
      return { value: String(v), formula: '' };
    case 'numberValue':
      return { value: Number(v), formula: '' };
    case 'boolValue':
      return { value: v === true, formula: '' };
    case 'formulaValue':
      return { value: FORMULA_VALUE, formula: String(v) };
    default:
      throw unsupported();
  }
}

/** The cells (CellData) of the request, row by row, checked to fit the area. */
function cellsOf(request: ApiRequest, area: Area, where: string): ApiRequest[][] {
  const rows = listField(request, 'rows').map((row) => listField(objectOf(row), 'values').map(objectOf));
  if (area.row + rows.length > area.rowEnd) {
    throw badRequest(`${where}: Attempting to write row: ${Math.max(area.row, area.rowEnd)}, beyond the last requested row of: ${area.rowEnd - 1}`);
  }
  const widest = Math.max(0, ...rows.map((line) => line.length));
  if (area.column + widest > area.columnEnd) {
    throw badRequest(`${where}: Attempting to write column: ${Math.max(area.column, area.columnEnd)}, beyond the last requested column of: ${area.columnEnd - 1}`);
  }
  if (!area.wholeArea) return rows;
  const height = Math.max(0, area.rowEnd - area.row);
  const width = Math.max(0, area.columnEnd - area.column);
  return Array.from({ length: height }, (_row, i) => Array.from({ length: width }, (_cell, j) => rows[i]?.[j] ?? {}));
}

/**
 * Checks request `i` (an UpdateCellsRequest: `range` or `start`, `rows`, `fields`) against `book` and returns what
 * applies it, so that a batch can check every request before it changes anything.
 */
export function planUpdateCells(book: SpreadsheetModel, request: ApiRequest, i: number): () => void {
  const where = `Invalid requests[${i}].updateCells`;
  const fields = fieldsOf(request.fields, where);
  const area = areaOf(book, request, i, where);
  const cells = cellsOf(request, area, where);
  const notes = fields.includes('note') ? cells.map((line) => line.map((cell) => (typeof cell.note === 'string' ? cell.note : ''))) : null;
  const contents = fields.includes('userEnteredValue') ? cells.map((line) => line.map((cell) => contentOfValue(cell.userEnteredValue, where))) : null;
  return () => {
    if (notes) area.sheet.writePart('notes', area.row + 1, area.column + 1, notes);
    if (contents) area.sheet.storeContents(area.row + 1, area.column + 1, contents);
  };
}
