// spreadsheets.values.batchGet: several ranges of one spreadsheet read in one call.
import type { SpreadsheetModel } from '../spreadsheet/spreadsheet-model';
import { resolveApiRange } from './api-range';
import type { ApiRequest } from './request-fields';
import { majorDimensionOf, renderOptionsOf, valueRangeOf, type ValueRange } from './value-range';

/** The answer of values.batchGet. */
export interface BatchGetValuesResponse {
  spreadsheetId: string;
  valueRanges?: ValueRange[];
}

/**
 * Reads `request.ranges` (one A1 range or a list) of `book`, each rendered per `valueRenderOption`,
 * `dateTimeRenderOption` and `majorDimension`. Every range is resolved before any is read, so one bad range fails
 * the whole call.
 */
export function valuesBatchGet(book: SpreadsheetModel, request: ApiRequest): BatchGetValuesResponse {
  const options = renderOptionsOf(request, 'valueRenderOption', 'dateTimeRenderOption', majorDimensionOf(request));
  const texts = request.ranges === undefined ? [] : ([] as unknown[]).concat(request.ranges).map(String);
  const blocks = texts.map((text) => {
    const { sheet, row, column, endRow, endColumn } = resolveApiRange(book, text);
    return { sheet, row, column, numRows: endRow - row + 1, numColumns: endColumn - column + 1 };
  });
  const response: BatchGetValuesResponse = { spreadsheetId: book.id };
  if (blocks.length > 0) response.valueRanges = blocks.map((block) => valueRangeOf(block, options, book.timeZone));
  return response;
}
