// spreadsheets.batchUpdate: a list of requests applied to one spreadsheet together, or not at all. The emulator
// models the updateCells request; any other kind is refused by name rather than ignored.
import type { SpreadsheetModel } from '../spreadsheet/spreadsheet-model';
import { badRequest } from './api-error';
import { listField, objectOf, type ApiRequest } from './request-fields';
import { planUpdateCells } from './update-cells';

/** The answer of spreadsheets.batchUpdate: one reply per request (updateCells replies with an empty object). */
export interface BatchUpdateSpreadsheetResponse {
  spreadsheetId: string;
  replies: Record<string, never>[];
}

/** Checks every request of `request.requests`, then applies them in order. */
export function spreadsheetsBatchUpdate(book: SpreadsheetModel, request: ApiRequest): BatchUpdateSpreadsheetResponse {
  const requests = listField(request, 'requests').map(objectOf);
  if (requests.length === 0) throw badRequest('Must specify at least one request.');
  const applies = requests.map((entry, i) => {
    const kinds = Object.keys(entry);
    if (kinds.length !== 1 || kinds[0] !== 'updateCells') {
      const named = kinds.length === 0 ? 'an empty request' : `the request kind '${kinds.join("', '")}'`;
      throw badRequest(`Invalid requests[${i}]: ${named} is not supported by the emulator (it supports updateCells only).`);
    }
    return planUpdateCells(book, objectOf(entry.updateCells), i);
  });
  for (const apply of applies) apply();
  return { spreadsheetId: book.id, replies: requests.map(() => ({})) };
}
