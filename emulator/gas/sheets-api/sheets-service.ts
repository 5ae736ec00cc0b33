// The advanced Sheets service (the Sheets API v4 as Apps Script exposes it, under the manifest's userSymbol):
// Spreadsheets.get and batchUpdate, Spreadsheets.Values.batchGet and batchUpdate. Each call is one counted,
// time-limited service call; a failed call throws the GoogleJsonResponseException Apps Script throws.
import type { Execution } from '../execution';
import { serviceObject } from '../service-object';
import type { SpreadsheetModel } from '../spreadsheet/spreadsheet-model';
import { SheetsApiError, scriptException } from './api-error';
import { cellsRead, cellsUpdated, cellsWritten } from './cells-moved';
import { asRequest } from './request-fields';
import { spreadsheetsBatchUpdate } from './spreadsheets-batch-update';
import { spreadsheetsGet } from './spreadsheets-get';
import { valuesBatchGet } from './values-batch-get';
import { valuesBatchUpdate } from './values-batch-update';

/** The `Sheets` object of one execution, reaching the spreadsheets in `books` by id. */
export function createSheetsService(env: Execution, books: readonly SpreadsheetModel[]): object {
  const book = (spreadsheetId: unknown): SpreadsheetModel => {
    const found = books.find((b) => b.id === spreadsheetId);
    if (!found) throw new SheetsApiError(404, 'Requested entity was not found.');
    return found;
  };
  // Runs one API call; its answer reaches the script as parsed JSON of the script's own realm.
  const api = (apiMethod: string, run: () => object): object => {
    try {
      return env.realm.adopt(run());
    } catch (error) {
      if (error instanceof SheetsApiError) throw scriptException(env, apiMethod, error);
      throw error;
    }
  };
  const values = serviceObject(
    env,
    'Sheets',
    'Values',
    {
      batchGet: (spreadsheetId, optionalArgs) =>
        api('sheets.spreadsheets.values.batchGet', () => {
          const response = valuesBatchGet(book(spreadsheetId), asRequest(optionalArgs));
          env.moveCells(cellsRead(response));
          return response;
        }),
      batchUpdate: (resource, spreadsheetId) =>
        api('sheets.spreadsheets.values.batchUpdate', () => {
          const request = asRequest(resource);
          const response = valuesBatchUpdate(book(spreadsheetId), request);
          env.moveCells(cellsWritten(request, response));
          return response;
        }),
    },
    {},
    { prefix: 'Spreadsheets.Values.', data: ['batchGet', 'batchUpdate'] },
  );
  const spreadsheets = serviceObject(
    env,
    'Sheets',
    'Spreadsheets',
    {
      get: (spreadsheetId, optionalArgs) => api('sheets.spreadsheets.get', () => spreadsheetsGet(book(spreadsheetId), asRequest(optionalArgs))),
      batchUpdate: (resource, spreadsheetId) =>
        api('sheets.spreadsheets.batchUpdate', () => {
          const request = asRequest(resource);
          const response = spreadsheetsBatchUpdate(book(spreadsheetId), request);
          env.moveCells(cellsUpdated(request));
          return response;
        }),
    },
    { Values: values },
    { prefix: 'Spreadsheets.', data: ['batchUpdate'] },
  );
  return serviceObject(env, 'Sheets', 'Sheets', {}, { Spreadsheets: spreadsheets });
}
