// Sheets limits as SpreadsheetApp and people meet them: 50,000 characters a cell, 10 million cells a spreadsheet,
// tab names unique regardless of case.
import { SpreadsheetModel } from '../../../../emulator/gas/spreadsheet';
import { gasError, leadBook } from './fake-env';

const TOO_LONG = 'Exception: Your input contains more than the maximum of 50000 characters in a single cell.';
const TOO_MANY_CELLS = 'Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

describe('50,000 characters in a cell', () => {
  it('a script write of more is refused and writes nothing; exactly 50,000 is kept', () => {
    const { sheet } = leadBook();
    expect(gasError(() => sheet.getRange('B2:B3').setValues([['short'], ['x'.repeat(50_001)]]))).toBe(TOO_LONG);
    expect(gasError(() => sheet.appendRow(['L9', 'y'.repeat(50_001)]))).toBe(TOO_LONG);
    expect(sheet.getRange('B2:B3').getValues()).toEqual([['Ada'], ['Bob']]);
    sheet.getRange('B2').setValue('z'.repeat(50_000));
    expect(String(sheet.getRange('B2').getValue())).toHaveLength(50_000);
  });

  it('a person cannot type more either', () => {
    const { book } = leadBook();
    expect(gasError(() => book.sheet('Lead Tracker')!.typeAsUser(2, 2, [['x'.repeat(50_001)]]))).toBe(TOO_LONG);
  });
});

describe('10 million cells in a spreadsheet', () => {
  /** A spreadsheet 25 cells short of the limit: the lead sheet (1000 × 26) and a one-column sheet of the rest. */
  function nearlyFull() {
    const fixture = leadBook();
    const big = fixture.book.addSheet('Big');
    big.deleteColumns(2, 25);
    big.insertRows(1001, 10_000_000 - 26_000 - 25 - 1000);
    expect(fixture.book.cellCount()).toBe(10_000_000 - 25);
    return fixture;
  }

  it('refuses rows, columns or a sheet that would go past it, with the Sheets message', () => {
    const { sheet, book, app } = nearlyFull();
    expect(gasError(() => sheet.insertRowsAfter(1000, 1))).toBe(TOO_MANY_CELLS);
    expect(gasError(() => sheet.insertColumnsAfter(26, 1))).toBe(TOO_MANY_CELLS);
    expect(gasError(() => app.getActiveSpreadsheet().insertSheet('More'))).toBe(TOO_MANY_CELLS);
    expect(gasError(() => book.addSheet('More'))).toBe(TOO_MANY_CELLS);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('lets a change up to the limit through', () => {
    const { book, app } = nearlyFull();
    const big = app.getActiveSpreadsheet().getSheetByName('Big')!;
    big.insertRowsAfter(big.getMaxRows(), 25);
    app.flush();
    expect(book.cellCount()).toBe(10_000_000);
  });
});

describe('tab names', () => {
  it('insertSheet and setName refuse a name that differs only in case, with the Apps Script message', () => {
    const { app, sheet } = leadBook();
    const ss = app.getActiveSpreadsheet();
    expect(gasError(() => ss.insertSheet('LEAD TRACKER'))).toBe('Exception: A sheet with the name "LEAD TRACKER" already exists. Please enter another name.');
    const log = ss.insertSheet('Log');
    expect(gasError(() => log.setName('lead tracker'))).toBe('Exception: A sheet with the name "lead tracker" already exists. Please enter another name.');
    sheet.setName('LEAD TRACKER');
    expect(sheet.getName()).toBe('LEAD TRACKER');
  });

  it('a person cannot add one either', () => {
    const book = new SpreadsheetModel();
    book.addSheet('Leads');
    expect(gasError(() => book.addSheet('leads'))).toBe('Exception: A sheet with the name "leads" already exists. Please enter another name.');
  });
});
