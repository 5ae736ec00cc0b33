// A block of cells as the Sheets API returns it (a ValueRange): rendered per the value and date render options,
// laid out by rows or columns, without trailing empty rows and cells.
import type { CellValue } from '../spreadsheet/cell-value';
import { serialNumberOf } from '../spreadsheet/display-value';
import type { CellBlock } from '../spreadsheet/range-resolution';
import { apiA1 } from './api-range';
import { enumField, type ApiRequest } from './request-fields';

/** How values are rendered: shown text, typed values, or formulas (typed values elsewhere). */
export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
/** How dates are rendered when values are not shown text: serial numbers or shown text. */
export type DateTimeRenderOption = 'SERIAL_NUMBER' | 'FORMATTED_STRING';
/** Which way the values are laid out: `values[i]` is a row, or a column. */
export type MajorDimension = 'ROWS' | 'COLUMNS';

/** The render options of one read. */
export interface RenderOptions {
  valueRenderOption: ValueRenderOption;
  dateTimeRenderOption: DateTimeRenderOption;
  majorDimension: MajorDimension;
}

/** A ValueRange of an answer; `values` is absent when the block is empty. */
export interface ValueRange {
  range: string;
  majorDimension: MajorDimension;
  values?: (string | number | boolean)[][];
}

type Rendered = string | number | boolean;

/** The `majorDimension` field of `request` (default ROWS). */
export function majorDimensionOf(request: ApiRequest): MajorDimension {
  return enumField(request, 'majorDimension', 'Dimension', ['ROWS', 'COLUMNS'], 'ROWS');
}

/** The render options named by `valueField` and `dateField` of `request` (defaults: FORMATTED_VALUE, SERIAL_NUMBER). */
export function renderOptionsOf(request: ApiRequest, valueField: string, dateField: string, majorDimension: MajorDimension): RenderOptions {
  return {
    valueRenderOption: enumField(request, valueField, 'ValueRenderOption', ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'], 'FORMATTED_VALUE'),
    dateTimeRenderOption: enumField(request, dateField, 'DateTimeRenderOption', ['SERIAL_NUMBER', 'FORMATTED_STRING'], 'SERIAL_NUMBER'),
    majorDimension,
  };
}

function rendered(block: CellBlock, options: RenderOptions, timeZone: string): Rendered[][] {
  const { sheet, row, column, numColumns } = block;
  // Rows below the sheet's last row with content would render as nothing and be trimmed: they are not read at all.
  const numRows = Math.min(block.numRows, Math.max(sheet.lastRow() - row + 1, 0));
  if (options.valueRenderOption === 'FORMATTED_VALUE') return sheet.readDisplay(row, column, numRows, numColumns);
  const values = sheet.readValues(row, column, numRows, numColumns, (ms) => new Date(ms));
  const shown = options.dateTimeRenderOption === 'FORMATTED_STRING' ? sheet.readDisplay(row, column, numRows, numColumns) : null;
  const formulas = options.valueRenderOption === 'FORMULA' ? sheet.read('formulas', row, column, numRows, numColumns) : null;
  return values.map((line, i) =>
    line.map((value: CellValue, j): Rendered => {
      const formula = formulas?.[i][j];
      if (formula) return formula;
      if (typeof value !== 'object') return value;
      return shown ? shown[i][j] : serialNumberOf(value, timeZone);
    }),
  );
}

function transposed(grid: Rendered[][]): Rendered[][] {
  return grid.length === 0 ? [] : grid[0].map((_, j) => grid.map((line) => line[j]));
}

function trimmed(grid: Rendered[][]): Rendered[][] {
  const lines = grid.map((line) => {
    let end = line.length;
    while (end > 0 && line[end - 1] === '') end--;
    return end === line.length ? line : line.slice(0, end);
  });
  let rows = lines.length;
  while (rows > 0 && lines[rows - 1].length === 0) rows--;
  return lines.slice(0, rows);
}

/** The ValueRange of `block`, rendered per `options`, dates on the wall clock of `timeZone` (the spreadsheet's). */
export function valueRangeOf(block: CellBlock, options: RenderOptions, timeZone: string): ValueRange {
  const grid = rendered(block, options, timeZone);
  const values = trimmed(options.majorDimension === 'COLUMNS' ? transposed(grid) : grid);
  const { sheet, row, column, numRows, numColumns } = block;
  const range: ValueRange = { range: apiA1(sheet, row, column, numRows, numColumns), majorDimension: options.majorDimension };
  if (values.length > 0) range.values = values;
  return range;
}
