// Notes, and what a person at the keyboard does: typing, inserting, deleting and sorting rows move whole rows.
import { gasError, leadBook } from './fake-env';

describe('notes', () => {
  it('reads "" where there is no note, and what setNote/setNotes wrote elsewhere', () => {
    const { sheet } = leadBook();
    sheet.getRange('D2').setNote('Unknown status');
    sheet.getRange('A3:B3').setNotes([['n1', null]]);
    expect(sheet.getRange('A2:D3').getNotes()).toEqual([
      ['', '', '', 'Unknown status'],
      ['n1', '', '', ''],
    ]);
    expect(sheet.getRange('D2').getNote()).toBe('Unknown status');
  });

  it('clearNote removes notes and nothing else', () => {
    const { sheet } = leadBook();
    sheet.getRange('D2').setNote('x').clearNote();
    expect([sheet.getRange('D2').getNote(), sheet.getRange('D2').getValue()]).toEqual(['', 'NEW']);
  });

  it('setNotes checks its shape like setValues', () => {
    const { sheet } = leadBook();
    expect(gasError(() => sheet.getRange('A2:A3').setNotes([['a']]))).toBe(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });
});

describe('a person at the keyboard', () => {
  it('types text that is parsed like a script write', () => {
    const { book } = leadBook();
    const sheet = book.sheet('Lead Tracker')!;
    sheet.typeAsUser(2, 4, [['CONTACTED', '42', "'42"]]);
    expect(sheet.values()[1].slice(3, 6)).toEqual(['CONTACTED', 42, '42']);
  });

  it('cannot type outside the grid', () => {
    const { book } = leadBook();
    expect(gasError(() => book.sheet('Lead Tracker')!.typeAsUser(1000, 26, [['a', 'b']]))).toBe(
      'Exception: The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('inserting rows shifts rows (notes included) down and grows the sheet', () => {
    const { book } = leadBook();
    const sheet = book.sheet('Lead Tracker')!;
    sheet.setNoteAsUser(3, 1, 'Bob note');
    sheet.insertRowsAsUser(2, 2);
    expect(sheet.maxRows).toBe(1002);
    expect(sheet.values().map((r) => r[0])).toEqual(['id', '', '', 'L1', 'L2']);
    expect(sheet.cell(5, 1).note).toBe('Bob note');
  });

  it('deleting a row removes its cells and notes and moves later rows up', () => {
    const { book } = leadBook();
    const sheet = book.sheet('Lead Tracker')!;
    sheet.setNoteAsUser(2, 1, 'Ada note');
    sheet.setNoteAsUser(3, 1, 'Bob note');
    sheet.deleteRowsAsUser(2, 1);
    expect(sheet.values().map((r) => r[0])).toEqual(['id', 'L2']);
    expect([sheet.cell(2, 1).note, sheet.cell(3, 1).note, sheet.maxRows]).toEqual(['Bob note', '', 999]);
  });

  it('sorting moves whole rows, notes and formats with them, below the frozen header', () => {
    const { book } = leadBook();
    const sheet = book.sheet('Lead Tracker')!;
    sheet.frozenRows = 1;
    sheet.typeAsUser(4, 1, [['L3', 'Al']]);
    sheet.setNoteAsUser(3, 2, 'Bob note');
    sheet.sortAsUser(2, true);
    expect(sheet.values().map((r) => r.slice(0, 2))).toEqual([
      ['id', 'name'],
      ['L1', 'Ada'],
      ['L3', 'Al'],
      ['L2', 'Bob'],
    ]);
    expect(sheet.cell(4, 2).note).toBe('Bob note');
    sheet.sortAsUser(2, false);
    expect(sheet.values().map((r) => r[1])).toEqual(['name', 'Bob', 'Al', 'Ada']);
  });

  it('sorts numbers before text before booleans, case-insensitively, with empty cells last either way', () => {
    const { book } = leadBook();
    const sheet = book.addSheet('Mixed', [['h'], ['b'], [true], [10], [''], ['A'], [2]]);
    sheet.typeAsUser(8, 2, [['row 8 has content in B only']]);
    sheet.sortAsUser(1, true, 1);
    expect(sheet.values().map((r) => r[0])).toEqual(['h', 2, 10, 'A', 'b', true, '', '']);
    sheet.sortAsUser(1, false, 1);
    expect(sheet.values().map((r) => r[0])).toEqual(['h', true, 'b', 'A', 10, 2, '', '']);
  });

  it('moving columns takes values, notes and validation along, to before the column named by its index before the move', () => {
    const { book } = leadBook();
    const sheet = book.sheet('Lead Tracker')!;
    sheet.setNoteAsUser(2, 4, 'status note');
    sheet.moveColumnsAsUser(4, 1, 2); // status before name
    expect(sheet.values()[0]).toEqual(['id', 'status', 'name', 'email', 'source', 'trello_card_id']);
    expect([sheet.cell(2, 2).value, sheet.cell(2, 2).note, sheet.cell(2, 4).note]).toEqual(['NEW', 'status note', '']);
    sheet.moveColumnsAsUser(1, 2, 7); // id and status to the end
    expect(sheet.values()[0]).toEqual(['name', 'email', 'source', 'trello_card_id', 'id', 'status']);
    expect(sheet.values()[2]).toEqual(['Bob', 'bob@example.com', 'fair', 'c2', 'L2', 'LOST']);
    expect([sheet.cell(2, 6).note, sheet.maxColumns]).toEqual(['status note', 26]);
    sheet.insertColumnsAsUser(1, 1);
    expect(sheet.values()[0]).toEqual(['', 'name', 'email', 'source', 'trello_card_id', 'id', 'status']);
    expect(() => sheet.moveColumnsAsUser(27, 2, 1)).toThrow('Those columns are out of bounds.');
  });

  it('inserted rows take the validation and number format of the row above', () => {
    const { sheet, app, book } = leadBook();
    sheet.getRange('D2').setDataValidation(app.newDataValidation().requireValueInList(['NEW', 'LOST']).build()).setNumberFormat('@').setNote('n');
    sheet.insertRowsAfter(2, 1);
    app.flush();
    const inserted = book.sheet('Lead Tracker')!.cell(3, 4);
    expect([inserted.validation?.values, inserted.numberFormat, inserted.value, inserted.note]).toEqual([['NEW', 'LOST'], '@', '', '']);
  });
});
