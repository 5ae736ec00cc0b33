// The models tests and the runtime use directly (uncounted), and the handle the runtime builds event objects from.
import { SpreadsheetModel } from '../../../../emulator/gas/spreadsheet';
import { gasError, leadBook } from './fake-env';

describe('SpreadsheetModel', () => {
  it('adds 1000 × 26 sheets, grown to fit the rows given, in order', () => {
    const book = new SpreadsheetModel({ id: 'x', name: 'Book', timeZone: 'Europe/Paris' });
    const small = book.addSheet('Small', [['a']]);
    const wide = book.addSheet('Wide', Array.from({ length: 1200 }, () => new Array(30).fill(1)));
    expect([small.maxRows, small.maxColumns, wide.maxRows, wide.maxColumns]).toEqual([1000, 26, 1200, 30]);
    expect(book.sheets().map((s) => s.name)).toEqual(['Small', 'Wide']);
    expect([book.id, book.name, book.timeZone, small.sheetId === wide.sheetId]).toEqual(['x', 'Book', 'Europe/Paris', false]);
  });

  it('finds sheets by exact name and refuses a second sheet of the same name', () => {
    const book = new SpreadsheetModel();
    book.addSheet('Leads');
    expect([book.sheet('Leads')?.name, book.sheet('leads')]).toEqual(['Leads', undefined]);
    expect(gasError(() => book.addSheet('Leads'))).toBe('Exception: A sheet with the name "Leads" already exists. Please enter another name.');
  });

  it('refuses an unknown time zone', () => {
    expect(() => new SpreadsheetModel({ timeZone: 'Mars/Olympus' })).toThrow('unknown time zone Mars/Olympus');
  });
});

describe('SheetModel', () => {
  it('lastRow/lastColumn count values and formulas, not notes or formats', () => {
    const sheet = new SpreadsheetModel().addSheet('S', [['a', 'b']]);
    sheet.setNoteAsUser(50, 20, 'just a note');
    sheet.typeAsUser(3, 1, [['=A1']]);
    expect([sheet.lastRow(), sheet.lastColumn()]).toEqual([3, 2]);
    expect(sheet.values()).toEqual([
      ['a', 'b'],
      ['', ''],
      ['#NAME?', ''],
    ]);
  });

  it('describes one cell completely', () => {
    const { book, sheet, app } = leadBook();
    sheet.getRange('D2').setNote('n').setNumberFormat('@').setDataValidation(app.newDataValidation().requireValueInList(['NEW']).build());
    app.flush();
    expect(book.sheet('Lead Tracker')!.cell(2, 4)).toEqual({
      value: 'NEW',
      formula: '',
      note: 'n',
      numberFormat: '@',
      validation: { criteria: 'VALUE_IN_LIST', values: ['NEW'], showDropdown: true, allowInvalid: true, helpText: null },
    });
  });

  it('an empty sheet has no data: lastRow 0 and values [[""]]', () => {
    const sheet = new SpreadsheetModel().addSheet('Empty');
    expect([sheet.lastRow(), sheet.lastColumn(), sheet.values()]).toEqual([0, 0, [['']]]);
  });
});

describe('SpreadsheetServiceHandle', () => {
  it('gives the runtime the Range and Spreadsheet objects of an edit event, counted when the script uses them', () => {
    const { service, counters } = leadBook();
    const before = { ...counters };
    const range = service.range('book-1', 'Lead Tracker', 2, 4, 1, 1) as GoogleAppsScript.Spreadsheet.Range;
    const source = service.spreadsheet('book-1') as GoogleAppsScript.Spreadsheet.Spreadsheet;
    expect(counters).toEqual(before);
    expect([range.getValue(), range.getA1Notation(), range.getSheet().getName(), source.getId()]).toEqual(['NEW', 'D2', 'Lead Tracker', 'book-1']);
    expect([counters.spreadsheetCalls - before.spreadsheetCalls, counters.sheetsDataCalls - before.sheetsDataCalls]).toEqual([5, 1]);
  });

  it('refuses a spreadsheet or sheet the execution does not have', () => {
    const { service } = leadBook();
    expect(() => service.spreadsheet('other')).toThrow('no spreadsheet other in this execution');
    expect(() => service.range('book-1', 'Nope', 1, 1, 1, 1)).toThrow('no sheet Nope in spreadsheet book-1');
  });
});
