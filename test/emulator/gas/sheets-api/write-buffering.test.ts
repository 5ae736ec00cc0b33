// SpreadsheetApp buffers its writes: its own later reads see them, the advanced Sheets service (and people, and other
// executions) only after SpreadsheetApp.flush() or the end of the execution; the API's writes are seen at once.
import type { HttpRequest } from '../../../../emulator/http';
import { BOOK_ID, CODE, failed, ok, sheetOf, sheetsProject } from './sheets-fixture';

const SCRIPT = `${CODE}
var ID = '${BOOK_ID}';
function apiValue(range) {
  var answer = Sheets.Spreadsheets.Values.batchGet(ID, { ranges: [range] }).valueRanges[0];
  return answer.values ? answer.values[0][0] : '';
}
function writeThenRead(a) {
  var flush = a[0];
  var sheet = SpreadsheetApp.getActive().getSheetByName('Sheet1');
  sheet.getRange('A1').setValue('typed');
  var mine = sheet.getRange('A1').getValue();
  if (flush) SpreadsheetApp.flush();
  return [mine, apiValue('Sheet1!A1')];
}
function growThenApiWrite(a) {
  var flush = a[0];
  var sheet = SpreadsheetApp.getActive().getSheetByName('Trello Sync Base');
  sheet.insertRowsAfter(sheet.getMaxRows(), 5);
  if (flush) SpreadsheetApp.flush();
  Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Trello Sync Base'!A1003", values: [['L9']] }] }, ID);
  return sheet.getMaxRows();
}
function apiWriteSeenAtOnce() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Sheet1');
  sheet.getRange('A1').setValue('pending');
  Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: 'Sheet1!B1', values: [['from the API']] }] }, ID);
  return sheet.getRange('A1:B1').getValues()[0];
}
function newSheetAtOnce() {
  var sheet = SpreadsheetApp.getActive().insertSheet('Log');
  sheet.getRange('A1').setValue('header');
  var titles = Sheets.Spreadsheets.get(ID).sheets.map(function (s) { return s.properties.title; });
  var ids = titles.indexOf('Log') >= 0 ? sheet.getSheetId() : -1;
  return [titles, ids >= 0, apiValue('Log!A1')];
}
function writeThenFetch() {
  SpreadsheetApp.getActive().getSheetByName('Sheet1').getRange('A1').setValue('before the call');
  UrlFetchApp.fetch('https://example.com/');
  SpreadsheetApp.flush();
  UrlFetchApp.fetch('https://example.com/');
}
function writeThenThrow() {
  SpreadsheetApp.getActive().getSheetByName('Sheet1').getRange('A1').setValue('kept');
  throw new Error('boom');
}
`;

function seenByPeople(): { project: ReturnType<typeof sheetsProject>; seen: unknown[] } {
  const seen: unknown[] = [];
  const project = sheetsProject({
    code: SCRIPT,
    fetch: (_request: HttpRequest) => {
      seen.push(sheetOf(project.book, 'Sheet1').cell(1, 1).value);
      return { status: 200, headers: {}, body: '' };
    },
  });
  return { project, seen };
}

describe('write buffering', () => {
  it('a SpreadsheetApp write is read back at once by SpreadsheetApp, by the Sheets API only after flush()', () => {
    const { emulator } = sheetsProject({ code: SCRIPT });
    expect(ok(emulator, 'writeThenRead', false).returnValue).toEqual(['typed', '']);
    expect(ok(emulator, 'writeThenRead', true).returnValue).toEqual(['typed', 'typed']);
  });

  it('rows added with SpreadsheetApp and not flushed are not there for a Values.batchUpdate', () => {
    const { emulator, book } = sheetsProject({ code: SCRIPT });
    expect(failed(emulator, 'growThenApiWrite', false)).toBe(
      "GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchUpdate failed with error: Range ('Trello Sync Base'!A1003) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
    // The execution ended: its pending rows were applied all the same.
    expect(sheetOf(book, 'Trello Sync Base').maxRows).toBe(1005);
    const flushed = sheetsProject({ code: SCRIPT });
    expect(ok(flushed.emulator, 'growThenApiWrite', true).returnValue).toBe(1005);
    expect(sheetOf(flushed.book, 'Trello Sync Base').cell(1003, 1).value).toBe('L9');
  });

  it('the kinder reading, behind sheetsApiSeesUnflushedWrites, lets the API see unflushed writes', () => {
    const { emulator } = sheetsProject({ code: SCRIPT, sheetsApiSeesUnflushedWrites: true });
    expect(ok(emulator, 'writeThenRead', false).returnValue).toEqual(['typed', 'typed']);
    expect(ok(emulator, 'growThenApiWrite', false).returnValue).toBe(1005);
  });

  it('an API write is seen by SpreadsheetApp at once, with its own pending writes still applied', () => {
    const { emulator } = sheetsProject({ code: SCRIPT });
    expect(ok(emulator, 'apiWriteSeenAtOnce').returnValue).toEqual(['pending', 'from the API']);
  });

  it('insertSheet acts at once (the API lists the tab, getSheetId names it) while writes to it wait', () => {
    const { emulator } = sheetsProject({ code: SCRIPT });
    expect(ok(emulator, 'newSheetAtOnce').returnValue).toEqual([['Lead Tracker', 'Trello Sync Base', 'Sheet1', 'Log'], true, '']);
  });

  it('a person looking during the execution sees only flushed writes', () => {
    const { project, seen } = seenByPeople();
    ok(project.emulator, 'writeThenFetch');
    expect(seen).toEqual(['', 'before the call']);
  });

  it('writes pending when an execution fails are applied when it ends', () => {
    const { emulator, book } = sheetsProject({ code: SCRIPT });
    expect(failed(emulator, 'writeThenThrow')).toBe('Error: boom');
    expect(sheetOf(book, 'Sheet1').cell(1, 1).value).toBe('kept');
  });
});
