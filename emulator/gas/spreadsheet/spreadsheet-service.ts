// Wires the script-facing objects of one execution together and hands the runtime its SpreadsheetApp global.
import type { ServiceEnv } from '../service-env';
import type { ApiContext, DialogRecord } from './api-context';
import { BufferedBook } from './buffered-book';
import { createDataValidationApi } from './data-validation-api';
import type { DataValidationModel } from './data-validation';
import { createRangeApi } from './range-api';
import { checkedBlock, type CellBlock } from './range-resolution';
import { createSheetApi } from './sheet-api';
import type { SheetModel } from './sheet-model';
import { createSpreadsheetApi } from './spreadsheet-api';
import { createTextFinderApi } from './text-finder-api';
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
  /** Applies the execution's pending writes (as SpreadsheetApp.flush does; the runtime calls it when the execution ends). */
  flush(): void;
}

/** How the service treats writes. */
export interface SpreadsheetServiceOptions {
  /**
   * True: every write reaches the spreadsheet at once, so the advanced Sheets service, people and other executions see
   * it before a flush (the kinder reading). Default false: they see it only after flush() or the end of the execution.
   */
  sheetsApiSeesUnflushedWrites?: boolean;
}

/** Creates the Spreadsheet service of one execution over `books`; every script call is counted through `env`. */
export function createSpreadsheetService(env: ServiceEnv, books: Books, options: SpreadsheetServiceOptions = {}): SpreadsheetServiceHandle {
  const writeThrough = options.sheetsApiSeesUnflushedWrites ?? false;
  const buffers = new Map<string, BufferedBook>();
  const buffered = (model: SpreadsheetModel): BufferedBook => {
    let found = buffers.get(model.id);
    if (!found) buffers.set(model.id, (found = new BufferedBook(model, writeThrough)));
    return found;
  };
  const flush = () => {
    for (const book of buffers.values()) book.flush();
  };
  const sheets = new WeakMap<object, SheetModel>();
  const rules = new WeakMap<object, DataValidationModel>();
  const ranges = new WeakMap<object, CellBlock>();
  const ctx: ApiContext = {
    env,
    dialogs: [],
    spreadsheetApi: (book) => createSpreadsheetApi(ctx, book),
    sheetApi: (book, sheet) => {
      const api = createSheetApi(ctx, book, sheet);
      sheets.set(api, sheet);
      return api;
    },
    rangeApi: (book, block) => {
      const api = createRangeApi(ctx, book, block);
      ranges.set(api, block);
      return api;
    },
    textFinderApi: (book, block, findText) => createTextFinderApi(ctx, book, block, findText),
    dataValidationApi: (rule) => {
      const api = createDataValidationApi(ctx, rule);
      rules.set(api, rule);
      return api;
    },
    sheetBehind: (value) => (typeof value === 'object' && value !== null ? sheets.get(value) : undefined),
    rangeBehind: (value) => (typeof value === 'object' && value !== null ? ranges.get(value) : undefined),
    ruleBehind: (value) => (typeof value === 'object' && value !== null ? rules.get(value) : undefined),
  };
  const book = (id: string): BufferedBook => {
    const found = [books.active, ...books.all].find((b) => b?.id === id);
    if (!found) throw new Error(`no spreadsheet ${id} in this execution`);
    return buffered(found);
  };

  return {
    app: createSpreadsheetAppApi(ctx, { active: books.active && buffered(books.active), all: books.all.map(buffered) }, flush),
    dialogs: ctx.dialogs,
    flush,
    spreadsheet: (id) => ctx.spreadsheetApi(book(id)),
    range: (id, sheetName, row, column, numRows, numColumns) => {
      const b = book(id);
      const sheet = b.read().sheet(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName} in spreadsheet ${id}`);
      return ctx.rangeApi(b, checkedBlock(sheet, row, column, numRows, numColumns));
    },
  };
}
