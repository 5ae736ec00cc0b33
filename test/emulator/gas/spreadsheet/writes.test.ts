// Writing cells: setValues/setValue shapes and errors, appendRow growing the sheet, clearing.
import { gasError, HEADER, leadBook } from './fake-env';

describe('setValues', () => {
  it('writes a block that a later getValues reads back', () => {
    const { sheet, book, app } = leadBook();
    sheet.getRange(4, 1, 2, 2).setValues([
      ['L3', 'Cy'],
      ['L4', 'Di'],
    ]);
    app.flush();
    expect(book.sheet('Lead Tracker')?.values().slice(3).map((r) => r.slice(0, 2))).toEqual([
      ['L3', 'Cy'],
      ['L4', 'Di'],
    ]);
  });

  it('throws the row-count message when the data has the wrong number of rows', () => {
    const { sheet } = leadBook();
    expect(gasError(() => sheet.getRange(2, 1, 2, 2).setValues([['a', 'b']]))).toBe(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('throws the column-count message when a row has the wrong number of cells', () => {
    const { sheet } = leadBook();
    expect(gasError(() => sheet.getRange(2, 1, 1, 2).setValues([['a', 'b', 'c']]))).toBe(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('rejects a flat array with the signature message and writes nothing', () => {
    const { sheet, book } = leadBook();
    const setValues = sheet.getRange(2, 1, 1, 3).setValues as unknown as (v: unknown) => unknown;
    expect(gasError(() => setValues([1, 2, 3]))).toBe(
      "Exception: The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(gasError(() => setValues('abc'))).toBe(
      "Exception: The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(book.sheet('Lead Tracker')?.cell(2, 1).value).toBe('L1');
  });

  it('stores null and undefined as empty cells', () => {
    const { sheet } = leadBook();
    sheet.getRange(2, 1, 1, 2).setValues([[null, undefined]]);
    expect(sheet.getRange(2, 1, 1, 3).getValues()).toEqual([['', '', 'ada@example.com']]);
  });

  it('setValue fills every cell of the range and chains', () => {
    const { sheet } = leadBook();
    const range = sheet.getRange('E2:E3');
    expect(range.setValue('import')).toBe(range);
    expect(range.getValues()).toEqual([['import'], ['import']]);
  });
});

describe('appendRow', () => {
  it('writes after the last row with content and chains', () => {
    const { sheet } = leadBook();
    expect(sheet.appendRow(['L3', 'Cy', '', 'NEW'])).toBe(sheet);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getRange(4, 1, 1, 4).getValues()).toEqual([['L3', 'Cy', '', 'NEW']]);
  });

  it('grows a full sheet by a row, and by columns for a longer row', () => {
    const { sheet, book, app } = leadBook();
    sheet.deleteRows(4, 997);
    expect(sheet.getMaxRows()).toBe(3);
    sheet.appendRow([...HEADER, 'extra-1', ...new Array(20).fill('x'), 'last']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 28, 4, 28]);
    app.flush();
    expect(book.sheet('Lead Tracker')?.cell(4, 28).value).toBe('last');
  });

  it('parses what it writes like setValues', () => {
    const { sheet } = leadBook();
    sheet.appendRow(['17', "'17", '=A1']);
    expect(sheet.getRange(4, 1, 1, 3).getValues()).toEqual([[17, '17', '#NAME?']]);
  });
});

describe('clearing', () => {
  it('clearContent empties values and formulas but keeps notes and formats', () => {
    const { sheet } = leadBook();
    const range = sheet.getRange('A2:B2');
    range.setNote('keep me').setNumberFormat('@');
    sheet.getRange('B2').setFormula('=1');
    range.clearContent();
    expect([range.getValues(), range.getFormulas(), range.getNotes()]).toEqual([[['', '']], [['', '']], [['keep me', 'keep me']]]);
    expect(range.getNumberFormat()).toBe('@');
  });

  it('Range.clear() removes contents and formats; clear({contentsOnly}) only contents', () => {
    const { sheet } = leadBook();
    sheet.getRange('A2').setNumberFormat('0.00');
    sheet.getRange('A2').clear({ contentsOnly: true });
    expect([sheet.getRange('A2').getValue(), sheet.getRange('A2').getNumberFormat()]).toEqual(['', '0.00']);
    sheet.getRange('A2').clear();
    expect(sheet.getRange('A2').getNumberFormat()).toBe('0.###############');
  });

  it('Sheet.clearContents empties the sheet, clearNotes only removes notes', () => {
    const { sheet } = leadBook();
    sheet.getRange('A1').setNote('header');
    sheet.clearNotes();
    expect(sheet.getRange('A1').getNote()).toBe('');
    expect(sheet.getLastRow()).toBe(3);
    sheet.clearContents();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
  });

  it('Sheet.clear empties contents and formats', () => {
    const { sheet } = leadBook();
    sheet.getRange('A2').setNumberFormat('@');
    sheet.clear();
    expect([sheet.getLastRow(), sheet.getRange('A2').getNumberFormat()]).toEqual([0, '0.###############']);
  });
});
