// TextFinder (Sheet.createTextFinder, Range.createTextFinder): searches of the shown text, their options and order,
// and what a search costs (one Spreadsheet call, not a Sheets data call; the cells it returns count as moved).
import { gasError, leadBook } from './fake-env';

const a1s = (ranges: GoogleAppsScript.Spreadsheet.Range[]) => ranges.map((range) => range.getA1Notation());

describe('TextFinder', () => {
  it('finds every cell containing the text, case-insensitively, in rows from the top and left to right', () => {
    const { sheet } = leadBook();
    sheet.getRange('C3').setValue('ADA@example.com');
    expect(a1s(sheet.createTextFinder('ada').findAll())).toEqual(['B2', 'C2', 'C3']);
  });

  it('matchCase, matchEntireCell and ignoreDiacritics narrow or widen the match', () => {
    const { sheet } = leadBook();
    sheet.getRange('B3').setValue('Adá');
    expect(a1s(sheet.createTextFinder('Ada').matchCase(true).findAll())).toEqual(['B2']);
    expect(a1s(sheet.createTextFinder('ada').matchEntireCell(true).findAll())).toEqual(['B2']);
    expect(a1s(sheet.createTextFinder('ada').matchEntireCell(true).ignoreDiacritics(true).findAll())).toEqual(['B2', 'B3']);
  });

  it('takes a regular expression; with matchEntireCell it must match the whole cell', () => {
    const { sheet } = leadBook();
    expect(a1s(sheet.createTextFinder('^L[12]$').useRegularExpression(true).findAll())).toEqual(['A2', 'A3']);
    expect(a1s(sheet.createTextFinder('L1|c2').useRegularExpression(true).matchEntireCell(true).findAll())).toEqual(['A2', 'F3']);
    // Without the option, the text is literal.
    expect(sheet.createTextFinder('L1|c2').findAll()).toEqual([]);
  });

  it('searches what the cell shows (a number through its format), or a formula\'s text with matchFormulaText', () => {
    const { sheet } = leadBook();
    sheet.getRange('E2').setNumberFormat('0.00').setValue(7);
    sheet.getRange('E3').setFormula('=1+1');
    expect(a1s(sheet.createTextFinder('7.00').findAll())).toEqual(['E2']);
    expect(sheet.createTextFinder('=1+1').findAll()).toEqual([]);
    expect(a1s(sheet.createTextFinder('=1+1').matchFormulaText(true).findAll())).toEqual(['E3']);
  });

  it('a Range finder searches only its block', () => {
    const { sheet } = leadBook();
    expect(a1s(sheet.getRange('A:A').createTextFinder('L').findAll())).toEqual(['A2', 'A3']);
    expect(a1s(sheet.getRange('B2:C3').createTextFinder('b').findAll())).toEqual(['B3', 'C3']);
  });

  it('sees the execution’s own pending writes, and rows as they are after a sort', () => {
    const { sheet, book, service } = leadBook();
    sheet.getRange('A2').setValue('X9');
    expect(book.sheet('Lead Tracker')?.cell(2, 1).value).toBe('L1'); // still pending
    expect(a1s(sheet.createTextFinder('X9').findAll())).toEqual(['A2']);
    service.flush();
    book.sheet('Lead Tracker')?.sortRows(1, true, 1);
    expect(a1s(sheet.createTextFinder('X9').findAll())).toEqual(['A3']);
  });

  it('findNext and findPrevious step through the matches from startFrom, and answer null past the ends', () => {
    const { sheet } = leadBook();
    const finder = sheet.createTextFinder('example');
    expect(finder.getCurrentMatch()).toBeNull();
    expect(finder.findPrevious()).toBeNull();
    expect(finder.findNext()?.getA1Notation()).toBe('C2');
    expect(finder.findNext()?.getA1Notation()).toBe('C3');
    expect(finder.getCurrentMatch()?.getA1Notation()).toBe('C3');
    expect(finder.findNext()).toBeNull();
    expect(finder.findPrevious()?.getA1Notation()).toBe('C2');
    expect(sheet.createTextFinder('example').startFrom(sheet.getRange('C2')).findNext()?.getA1Notation()).toBe('C3');
  });

  it('each search is one Spreadsheet call and no Sheets data call; the cells it returns count as moved', () => {
    const { sheet, counters } = leadBook();
    const finder = sheet.createTextFinder('^L\\d$').useRegularExpression(true);
    const before = { ...counters };
    finder.findAll();
    expect(counters.spreadsheetCalls - before.spreadsheetCalls).toBe(1);
    expect(counters.sheetsDataCalls - before.sheetsDataCalls).toBe(0);
    expect(counters.cellsMoved - before.cellsMoved).toBe(2);
  });

  it('refuses an empty search text and a startFrom that is not a Range of the same sheet', () => {
    const { sheet, app } = leadBook();
    expect(gasError(() => sheet.createTextFinder(''))).toMatch(/must not be empty/);
    const other = app.getActiveSpreadsheet().insertSheet('Other');
    expect(gasError(() => sheet.createTextFinder('a').startFrom(other.getRange('A1')))).toMatch(/don't match the method signature for SpreadsheetApp.TextFinder.startFrom/);
  });
});
