// How many cells one advanced Sheets service call read or wrote, for the execution's `cellsMoved` counter.
import type { ApiRequest } from './request-fields';
import type { BatchGetValuesResponse } from './values-batch-get';
import type { BatchUpdateValuesResponse } from './values-batch-update';
import type { ValueRange } from './value-range';

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** Cells in a grid of values (`values[i][j]`, rows or columns alike). */
function gridCells(values: unknown): number {
  return Array.isArray(values) ? values.reduce((sum: number, line) => sum + lengthOf(line), 0) : 0;
}

function entries(value: unknown): ApiRequest[] {
  return Array.isArray(value) ? value.filter((entry): entry is ApiRequest => typeof entry === 'object' && entry !== null) : [];
}

/** values.batchGet: the cells of the ranges returned (the API leaves trailing empty cells out). */
export function cellsRead(response: BatchGetValuesResponse): number {
  return (response.valueRanges ?? []).reduce((sum, range: ValueRange) => sum + gridCells(range.values), 0);
}

/** values.batchUpdate: the cells sent (a null skip included) and any read back with `includeValuesInResponse`. */
export function cellsWritten(request: ApiRequest, response: BatchUpdateValuesResponse): number {
  const sent = entries(request.data).reduce((sum, entry) => sum + gridCells(entry.values), 0);
  return sent + response.responses.reduce((sum, answer) => sum + gridCells(answer.updatedData?.values), 0);
}

/** spreadsheets.batchUpdate: the cells of every updateCells request's rows. */
export function cellsUpdated(request: ApiRequest): number {
  return entries(request.requests).reduce((sum, entry) => {
    const updateCells = entry.updateCells as ApiRequest | undefined;
    return sum + entries(updateCells?.rows).reduce((cells, row) => cells + lengthOf(row.values), 0);
  }, 0);
}
