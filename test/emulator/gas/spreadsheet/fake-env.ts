// Test helper: a small ServiceEnv that counts calls like the runtime does, and a service over one lead sheet.
import { EmulatedClock } from '../../../../emulator/clock';
import type { ExecutionCounters, ServiceEnv, UiRecord } from '../../../../emulator/gas/service-env';
import { createSpreadsheetService, SpreadsheetModel, type SpreadsheetServiceHandle } from '../../../../emulator/gas/spreadsheet';
import { emptyCounters } from '../../../../emulator/gas/execution';

/** One recorded env.call. */
export interface CallRecord {
  service: string;
  method: string;
  kind: 'sheetsData' | undefined;
}

/** A fake environment and what it recorded. */
export interface FakeEnv {
  env: ServiceEnv;
  counters: ExecutionCounters;
  calls: CallRecord[];
  ui: UiRecord;
}

/** Builds the fake environment; `newDate` defaults to this realm's Date. */
export function fakeEnv(options: { hasUi?: boolean; newDate?: (ms: number) => Date } = {}): FakeEnv {
  const counters: ExecutionCounters = emptyCounters();
  const calls: CallRecord[] = [];
  const ui: UiRecord = { menus: [], sidebars: [], toasts: [], alerts: [] };
  const env: ServiceEnv = {
    clock: new EmulatedClock(),
    context: { authMode: 'FULL', hasUi: options.hasUi ?? true },
    ui,
    call(service, method, kind) {
      calls.push({ service, method, kind });
      if (service === 'SpreadsheetApp') counters.spreadsheetCalls++;
      if (kind === 'sheetsData') counters.sheetsDataCalls++;
    },
    moveCells(count) {
      counters.cellsMoved += count;
    },
    newDate: options.newDate ?? ((ms) => new Date(ms)),
    fail(message) {
      const error = new Error(message);
      error.name = 'Exception';
      throw error;
    },
  };
  return { env, counters, calls, ui };
}

/** Header of the lead sheet the tests use. */
export const HEADER = ['id', 'name', 'email', 'status', 'source', 'trello_card_id'];

/** A spreadsheet with a `Lead Tracker` sheet holding the header and two leads, and a service over it. */
export function leadBook(options: Parameters<typeof fakeEnv>[0] = {}): FakeEnv & {
  book: SpreadsheetModel;
  service: SpreadsheetServiceHandle;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
} {
  const fake = fakeEnv(options);
  const book = new SpreadsheetModel({ id: 'book-1', name: 'Leads', timeZone: 'Etc/GMT' });
  book.addSheet('Lead Tracker', [HEADER, ['L1', 'Ada', 'ada@example.com', 'NEW', 'web', ''], ['L2', 'Bob', 'bob@example.com', 'LOST', 'fair', 'c2']]);
  const service = createSpreadsheetService(fake.env, { active: book, all: [book] });
  const app = service.app as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = app.getActiveSpreadsheet().getSheetByName('Lead Tracker') as GoogleAppsScript.Spreadsheet.Sheet;
  return { ...fake, book, service, app, sheet };
}

/** What `fn` threw, as Apps Script prints it (`Exception: …`); fails the test if it threw nothing. */
export function gasError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('expected an exception');
}
