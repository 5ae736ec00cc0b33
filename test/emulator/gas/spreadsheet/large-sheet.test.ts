// A lead sheet of 10,000 × 8 cells moves through one call each way, intact (timings live in bench/, not here).
import { SpreadsheetModel, createSpreadsheetService } from '../../../../emulator/gas/spreadsheet';
import { fakeEnv } from './fake-env';

const ROWS = 10_000;
const COLUMNS = 8;

describe('a large sheet', () => {
  it('writes and reads 10,000 × 8 cells in one data call each', () => {
    const book = new SpreadsheetModel();
    book.addSheet('Big');
    const { env, counters } = fakeEnv();
    const app = createSpreadsheetService(env, { active: book, all: [book] }).app as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheetByName('Big')!;
    sheet.insertRowsAfter(1000, ROWS);
    const data = Array.from({ length: ROWS }, (_, r) => [`L${r}`, `Lead ${r}`, `l${r}@example.com`, 'NEW', 'web', `card${r}`, r, r % 2 === 0]);
    sheet.getRange(1, 1, ROWS, COLUMNS).setValues(data);
    const values = sheet.getDataRange().getValues();
    expect(values).toEqual(data);
    expect(counters.sheetsDataCalls).toBe(2);
  });
});
