// Test helper: an emulated project whose manifest enables the advanced Sheets service, over a spreadsheet with a lead
// tab, a hidden base tab and a plain `Sheet1`, and script functions that call the service with the test's arguments.
import { GasEmulator, SpreadsheetModel, type ExecutionResult, type GasEmulatorOptions, type SheetModel } from '../../../../emulator/gas';

/** The manifest entry that enables the service as `Sheets`. */
export const SHEETS_ENTRY = { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' };

/** Script functions: most pass their argument list to one method and return the answer. */
export const CODE = `
function valuesBatchGet(a) { return Sheets.Spreadsheets.Values.batchGet(a[0], a[1]); }
function valuesBatchUpdate(a) { return Sheets.Spreadsheets.Values.batchUpdate(a[0], a[1]); }
function spreadsheetsBatchUpdate(a) { return Sheets.Spreadsheets.batchUpdate(a[0], a[1]); }
function spreadsheetsGet(a) { return Sheets.Spreadsheets.get(a[0], a[1]); }
function failure(a) {
  try { Sheets.Spreadsheets.Values.batchGet(a[0], { ranges: ['Nope!A1'] }); } catch (e) {
    return { name: e.name, message: e.message, details: e.details, isError: e instanceof Error, text: String(e) };
  }
}
function realmOf(a) {
  var answer = Sheets.Spreadsheets.Values.batchGet(a[0], { ranges: "'Lead Tracker'!A1" });
  return [answer instanceof Object, answer.valueRanges instanceof Array, answer.valueRanges[0].values[0] instanceof Array];
}
function writeDate(a) {
  return Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: 'Sheet1!C1', values: [[new Date(Date.UTC(2026, 0, 5))]] }] }, a[0]);
}
function installEditTrigger() { ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create(); }
function onSheetEdit() { Logger.log('edit trigger ran'); }
function typeOfSheets() { return typeof Sheets; }
function typeOfAlias() { return typeof SheetsApi; }
`;

/** The spreadsheet's id. */
export const BOOK_ID = 'book-1';

/** A project over a fresh spreadsheet (time zone America/New_York): `Lead Tracker`, hidden `Trello Sync Base`, `Sheet1`. */
export function sheetsProject(options: Partial<GasEmulatorOptions> = {}): { emulator: GasEmulator; book: SpreadsheetModel } {
  const book = new SpreadsheetModel({ id: BOOK_ID, name: 'Leads', timeZone: 'America/New_York' });
  book.addSheet('Lead Tracker', [
    ['id', 'name', 'status', 'amount'],
    ['L1', 'Ada', 'NEW', 1200],
    ['L2', '', 'WON'],
  ]);
  book.addSheet('Trello Sync Base', [
    ['id', 'card'],
    ['L1', 'c1'],
  ]).hidden = true;
  book.addSheet('Sheet1');
  const emulator = new GasEmulator({ code: CODE, spreadsheet: book, manifest: { dependencies: { enabledAdvancedServices: [SHEETS_ENTRY] } }, ...options });
  return { emulator, book };
}

/** Runs `functionName(...args)` as one execution and returns its result (fails the test on a script error). */
export function ok<T>(emulator: GasEmulator, functionName: string, ...args: unknown[]): ExecutionResult<T> {
  const result = emulator.run<T>(functionName, args, { hasUi: false });
  if (result.error) throw new Error(result.error);
  return result;
}

/** The error `functionName(...args)` ended with, as the execution log shows it. */
export function failed(emulator: GasEmulator, functionName: string, ...args: unknown[]): string | undefined {
  return emulator.run(functionName, args, { hasUi: false }).error;
}

/** The sheet of `book` called `name` (fails the test if there is none). */
export function sheetOf(book: SpreadsheetModel, name: string): SheetModel {
  const sheet = book.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}
