// Spreadsheets and sheets: finding, adding, renaming, deleting, hiding and resizing tabs; opening by id; toasts.
import { createSpreadsheetService, SpreadsheetModel } from '../../../../emulator/gas/spreadsheet';
import { fakeEnv, gasError, leadBook } from './fake-env';

describe('SpreadsheetApp', () => {
  it('getActiveSpreadsheet and getActive give the bound spreadsheet, or null when there is none', () => {
    const { app } = leadBook();
    expect([app.getActiveSpreadsheet().getId(), app.getActive().getName()]).toEqual(['book-1', 'Leads']);
    const other = new SpreadsheetModel({ id: 'book-2' });
    const unbound = createSpreadsheetService(fakeEnv().env, { active: null, all: [other] }).app as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    expect(unbound.getActiveSpreadsheet()).toBeNull();
    expect(unbound.openById('book-2').getId()).toBe('book-2');
  });

  it('openById of an unknown id throws the Apps Script error', () => {
    const { app } = leadBook();
    expect(gasError(() => app.openById('nope'))).toBe(
      'Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  it('a Spreadsheet knows its url and time zone', () => {
    const ss = leadBook().app.getActiveSpreadsheet();
    expect([ss.getUrl(), ss.getSpreadsheetTimeZone()]).toEqual(['https://docs.google.com/spreadsheets/d/book-1/edit', 'Etc/GMT']);
  });
});

describe('Spreadsheet sheets', () => {
  it('getSheetByName matches the exact name and gives null otherwise', () => {
    const ss = leadBook().app.getActiveSpreadsheet();
    expect(ss.getSheetByName('Lead Tracker')?.getName()).toBe('Lead Tracker');
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it('insertSheet adds a 1000 × 26 sheet (at a 0-based index), makes it active, and refuses a taken name', () => {
    const { app, book } = leadBook();
    const ss = app.getActiveSpreadsheet();
    const log = ss.insertSheet('Sync Log', 0);
    expect([log.getMaxRows(), log.getMaxColumns(), log.getIndex()]).toEqual([1000, 26, 1]);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sync Log', 'Lead Tracker']);
    expect(ss.getActiveSheet().getName()).toBe('Sync Log');
    expect(ss.insertSheet().getName()).toBe('Sheet3');
    expect(gasError(() => ss.insertSheet('Sync Log'))).toBe('Exception: A sheet with the name "Sync Log" already exists. Please enter another name.');
    expect(book.sheets().length).toBe(3);
  });

  it('setName renames, and refuses a name another sheet has', () => {
    const { app, sheet } = leadBook();
    app.getActiveSpreadsheet().insertSheet('X');
    expect(sheet.setName('Leads').getName()).toBe('Leads');
    expect(gasError(() => sheet.setName('X'))).toBe('Exception: A sheet with the name "X" already exists. Please enter another name.');
  });

  it('deleteSheet removes a sheet but never the last one', () => {
    const { app, sheet } = leadBook();
    const ss = app.getActiveSpreadsheet();
    const log = ss.insertSheet('Log');
    ss.deleteSheet(log);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Lead Tracker']);
    expect(gasError(() => ss.deleteSheet(sheet))).toBe("Exception: You can't remove all the sheets in a document.");
  });

  it('toast is recorded with its title', () => {
    const { app, ui } = leadBook();
    app.getActiveSpreadsheet().toast('Synced 3 leads', 'Trello Sync', 5);
    app.getActiveSpreadsheet().toast('Done');
    expect(ui.toasts).toEqual([
      { message: 'Synced 3 leads', title: 'Trello Sync' },
      { message: 'Done', title: '' },
    ]);
  });

  it('getParent and getSheetId lead back to the same spreadsheet and sheet', () => {
    const { app, sheet } = leadBook();
    expect(sheet.getParent().getId()).toBe('book-1');
    expect(app.getActiveSpreadsheet().getSheetById(sheet.getSheetId())?.getName()).toBe('Lead Tracker');
  });
});

describe('Sheet', () => {
  it('hides and shows, but never hides the last visible sheet', () => {
    const { app, sheet } = leadBook();
    const base = app.getActiveSpreadsheet().insertSheet('Base');
    expect(base.hideSheet().isSheetHidden()).toBe(true);
    expect(gasError(() => sheet.hideSheet())).toBe("Exception: You can't hide all the sheets in a document.");
    expect(base.showSheet().isSheetHidden()).toBe(false);
  });

  it('freezes rows, but not all of them', () => {
    const { sheet } = leadBook();
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(gasError(() => sheet.setFrozenRows(1000))).toBe("Exception: You can't freeze all visible rows on the sheet.");
  });

  it('inserts rows after and before a row, and columns after a column', () => {
    const { sheet } = leadBook();
    sheet.insertRowsAfter(1, 2).insertRowBefore(1);
    expect(sheet.getMaxRows()).toBe(1003);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[''], ['id'], [''], [''], ['L1']]);
    sheet.insertColumnsAfter(1, 1);
    expect([sheet.getMaxColumns(), sheet.getRange('B2:C2').getValues()]).toEqual([27, [['', 'name']]]);
  });

  it('deletes rows, refusing rows out of bounds and deleting every non-frozen row', () => {
    const { sheet } = leadBook();
    sheet.deleteRow(2);
    expect(sheet.getRange('A2').getValue()).toBe('L2');
    sheet.setFrozenRows(1);
    expect(gasError(() => sheet.deleteRows(2, 999))).toBe('Exception: Those rows are out of bounds.');
    expect(gasError(() => sheet.deleteRows(2, 998))).toBe('Exception: Sorry, it is not possible to delete all non-frozen rows.');
    expect(gasError(() => sheet.insertRowsAfter(1000, 1))).toBe('Exception: Those rows are out of bounds.');
  });
});
