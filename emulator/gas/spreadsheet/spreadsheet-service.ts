// Wires the script-facing objects of one execution together and hands the runtime its SpreadsheetApp global.
import type { ServiceEnv } from '../service-env';
import type { ApiContext, DialogRecord } from './api-context';
import { createDataValidationApi } from './data-validation-api';
import type { DataValidationModel } from './data-validation';
import { createRangeApi } from './range-api';
import { checkedBlock } from './range-resolution';
import { createSheetApi } from './sheet-api';
import type { SheetModel } from './sheet-model';
import { createSpreadsheetApi } from './spreadsheet-api';
import { createSpreadsheetAppApi, type Books } from './spreadsheet-app-api';
import type { SpreadsheetModel } from './spreadsheet-model';

/** What the runtime gets for one execution. */
export interface SpreadsheetServiceHandle {
  /** The global `SpreadsheetApp` object for one execution. */
  readonly app: object;
  /** A Range object of the script's API, for event objects such as e.range of an edit trigger. */
  range(spreadsheetId: string, sheetName: string, row: number, column: number, numRows: number, numColumns: number): object;
  /** The Spreadsheet object, for e.source. */
  spreadsheet(spreadsheetId: string): object;
  /** Modal and modeless dialogs the script showed (UiRecord has no place for them). */
  readonly dialogs: readonly DialogRecord[];
}

/** Creates the Spreadsheet service of one execution over `books`; every script call is counted through `env`. */
export function createSpreadsheetService(env: ServiceEnv, books: Books): SpreadsheetServiceHandle {
  const sheets = new WeakMap<object, SheetModel>();
  const rules = new WeakMap<object, DataValidationModel>();
  const ctx: ApiContext = {
    env,
    dialogs: [],
    spreadsheetApi: (book) => createSpreadsheetApi(ctx, book),
    sheetApi: (book, sheet) => {
      const api = createSheetApi(ctx, book, sheet);
      sheets.set(api, sheet);
      return api;
    },
    rangeApi: (book, block) => createRangeApi(ctx, book, block),
    dataValidationApi: (rule) => {
      const api = createDataValidationApi(ctx, rule);
      rules.set(api, rule);
      return api;
    },
    sheetBehind: (value) => (typeof value === 'object' && value !== null ? sheets.get(value) : undefined),
    ruleBehind: (value) => (typeof value === 'object' && value !== null ? rules.get(value) : undefined),
  };
  const book = (id: string): SpreadsheetModel => {
    const found = [books.active, ...books.all].find((b) => b?.id === id);
    if (!found) throw new Error(`no spreadsheet ${id} in this execution`);
    return found;
  };

  return {
    app: createSpreadsheetAppApi(ctx, books),
    dialogs: ctx.dialogs,
    spreadsheet: (id) => ctx.spreadsheetApi(book(id)),
    range: (id, sheetName, row, column, numRows, numColumns) => {
      const b = book(id);
      const sheet = b.sheet(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName} in spreadsheet ${id}`);
      return ctx.rangeApi(b, checkedBlock(sheet, row, column, numRows, numColumns));
    },
  };
}
