// The cost counters beyond calls: cells moved by Spreadsheet and Sheets API calls, bytes received by UrlFetchApp.
import { GasEmulator, SpreadsheetModel } from '../../../emulator/gas';

const CODE = `
function leads() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads'); }
function oneCell() { return leads().getRange('B2:C3').getValue(); }
function block() { return leads().getRange('A1:C2').getValues(); }
function fill() { leads().getRange('A4:B6').setValue('x'); }
function append() { leads().appendRow(['L9', 'Ida', 'NEW']); }
function clearTab() { leads().clearNotes(); }
function metadata() { return leads().getLastRow() + leads().getRange('A1:C3').getNumRows(); }
function badWrite() { leads().getRange('A1:B2').setValues([['only one row']]); }
function apiRead() { return Sheets.Spreadsheets.Values.batchGet('book-1', { ranges: ['Leads!A1:C10', 'Leads!A2'] }); }
function apiWrite() {
  return Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', includeValuesInResponse: true,
    data: [{ range: 'Leads!A2:B2', values: [['L1', null]] }] }, 'book-1');
}
function apiNotes() {
  return Sheets.Spreadsheets.batchUpdate({ requests: [{ updateCells: { start: { sheetId: 0, rowIndex: 1, columnIndex: 0 },
    rows: [{ values: [{ note: 'a' }, { note: 'b' }] }, { values: [{ note: 'c' }] }], fields: 'note' } }] }, 'book-1');
}
function fetchTwice() { UrlFetchApp.fetch('https://api.trello.com/1/a'); UrlFetchApp.fetchAll(['https://api.trello.com/1/b', 'https://api.trello.com/1/c']); }
`;

const MANIFEST = { dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] } };

function project() {
  const spreadsheet = new SpreadsheetModel({ id: 'book-1' });
  const sheet = spreadsheet.addSheet('Leads', [['id', 'name', 'status'], ['L1', 'Ada', 'NEW'], ['L2', 'Bob', '']]);
  const emulator = new GasEmulator({ code: CODE.replace('sheetId: 0', `sheetId: ${sheet.sheetId}`), spreadsheet, manifest: MANIFEST, fetch: (request) => ({ status: 200, headers: {}, body: `é${request.url.slice(-1)}` }) });
  return { emulator, sheet };
}

function counted(functionName: string) {
  const result = project().emulator.run(functionName, undefined, { hasUi: false });
  return { ...result.counters, error: result.error };
}

describe('cells moved', () => {
  it('a one-cell getter moves one cell, a block read or fill moves the whole block, appendRow its values', () => {
    expect(counted('oneCell').cellsMoved).toBe(1);
    expect(counted('block').cellsMoved).toBe(6);
    expect(counted('fill').cellsMoved).toBe(6);
    expect(counted('append').cellsMoved).toBe(3);
  });

  it('clearing a tab moves every cell of its grid', () => {
    const { emulator, sheet } = project();
    expect(sheet.maxRows * sheet.maxColumns).toBeGreaterThan(9);
    expect(emulator.run('clearTab', undefined, { hasUi: false }).counters.cellsMoved).toBe(sheet.maxRows * sheet.maxColumns);
  });

  it('calls that move no data, and refused writes, move no cells', () => {
    expect(counted('metadata').cellsMoved).toBe(0);
    const refused = counted('badWrite');
    expect(refused.error).toContain('The number of rows in the data does not match');
    expect(refused.cellsMoved).toBe(0);
  });

  it('the Sheets API counts the cells it returns, the cells sent (and read back), and updateCells rows', () => {
    // A1:C10 returns the 3 × 3 filled cells, less Bob's empty status; A2 returns one cell.
    expect(counted('apiRead').cellsMoved).toBe(9);
    // Two cells sent (the null skip included), two read back.
    expect(counted('apiWrite').cellsMoved).toBe(4);
    expect(counted('apiNotes').cellsMoved).toBe(3);
  });
});

describe('bytes received', () => {
  it('counts the bytes of every response body UrlFetchApp received', () => {
    // Each body is "é" (2 bytes in UTF-8) and one letter.
    expect(counted('fetchTwice')).toMatchObject({ urlFetchCalls: 2, urlFetchRequests: 3, urlFetchBytesReceived: 9 });
  });
});
