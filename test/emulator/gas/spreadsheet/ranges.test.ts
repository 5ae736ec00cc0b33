// Ranges: 1-based coordinates, every getRange form, A1 notation, and the errors of bad coordinates.
import { gasError, leadBook } from './fake-env';

describe('Sheet.getRange', () => {
  it('is 1-based: (1, 1) is the first header cell', () => {
    const { sheet } = leadBook();
    expect(sheet.getRange(1, 1).getValue()).toBe('id');
    expect(sheet.getRange(2, 2).getValue()).toBe('Ada');
  });

  it('takes (row, column, numRows) and (row, column, numRows, numColumns)', () => {
    const { sheet } = leadBook();
    expect(sheet.getRange(2, 2, 2).getValues()).toEqual([['Ada'], ['Bob']]);
    const block = sheet.getRange(2, 1, 2, 3);
    expect([block.getRow(), block.getColumn(), block.getNumRows(), block.getNumColumns()]).toEqual([2, 1, 2, 3]);
    expect([block.getLastRow(), block.getLastColumn()]).toEqual([3, 3]);
    expect(block.getValues()).toEqual([
      ['L1', 'Ada', 'ada@example.com'],
      ['L2', 'Bob', 'bob@example.com'],
    ]);
  });

  it.each([
    ['A1', 1, 1, 1, 1],
    ['B2:D4', 2, 2, 3, 3],
    ['$B$2:$C$3', 2, 2, 2, 2],
    ['d4:b2', 2, 2, 3, 3],
    ['A:A', 1, 1, 1000, 1],
    ['B:C', 1, 2, 1000, 2],
    ['2:3', 2, 1, 2, 26],
    ['A2:B', 2, 1, 999, 2],
    ['B2:2', 2, 2, 1, 25],
    ["'Lead Tracker'!A1:B2", 1, 1, 2, 2],
  ])('parses %s', (a1, row, column, numRows, numColumns) => {
    const range = leadBook().sheet.getRange(a1);
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([row, column, numRows, numColumns]);
  });

  it('resolves a sheet-qualified reference on the sheet it names', () => {
    const { book, app } = leadBook();
    book.addSheet("Bob's", [['x']]);
    const range = app.getActiveSpreadsheet().getRange("'Bob''s'!A1");
    expect(range.getSheet().getName()).toBe("Bob's");
    expect(range.getValue()).toBe('x');
    expect(app.getActiveSpreadsheet().getRange('Lead Tracker!B2').getValue()).toBe('Ada');
  });

  it.each(['', 'A', '3', 'A1:B2:C3', '1A', 'A:B5', '2:B3', 'Nowhere!A1', 'ZZZZ1'])('rejects %p with "Range not found"', (a1) => {
    expect(gasError(() => leadBook().sheet.getRange(a1))).toBe('Exception: Range not found');
  });

  it('prints its A1 notation', () => {
    const { sheet } = leadBook();
    expect(sheet.getRange(3, 2).getA1Notation()).toBe('B3');
    expect(sheet.getRange(2, 26, 9, 1).getA1Notation()).toBe('Z2:Z10');
    sheet.insertColumnsAfter(26, 2);
    expect(sheet.getRange(1, 27, 2, 2).getA1Notation()).toBe('AA1:AB2');
  });

  it.each([
    [() => [0, 1], 'The starting row of the range is too small.'],
    [() => [1, 0], 'The starting column of the range is too small.'],
    [() => [1, 1, 0], 'The number of rows in the range must be at least 1.'],
    [() => [1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [() => [1001, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [() => [1, 27], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [() => [999, 1, 3, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ])('throws the Apps Script error for bad coordinates (%#)', (args, message) => {
    const [row, column, numRows, numColumns] = args();
    const { sheet } = leadBook();
    expect(gasError(() => sheet.getRange(row, column, numRows as number, numColumns as number))).toBe(`Exception: ${message}`);
  });

  it('rejects arguments of the wrong type with the signature message', () => {
    const { sheet } = leadBook();
    const getRange = sheet.getRange as unknown as (...args: unknown[]) => unknown;
    expect(gasError(() => getRange())).toBe("Exception: The parameters () don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    expect(gasError(() => getRange(1, 'B'))).toBe(
      "Exception: The parameters (number,String) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it('getDataRange covers 1..lastRow × 1..lastColumn, and A1 on an empty sheet', () => {
    const { sheet, app } = leadBook();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:F3');
    expect(app.getActiveSpreadsheet().insertSheet('Empty').getDataRange().getValues()).toEqual([['']]);
  });

  it('a range taken before rows were deleted fails once it lies outside the sheet', () => {
    const { sheet } = leadBook();
    const last = sheet.getRange(1000, 1);
    sheet.deleteRows(2, 2);
    expect(gasError(() => last.getValue())).toBe('Exception: The coordinates of the range are outside the dimensions of the sheet.');
  });
});
