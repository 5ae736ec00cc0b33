// What cells hold and show: getValues types, how written text is parsed, formulas, apostrophes and plain text.
import { runInNewContext } from 'node:vm';
import { SpreadsheetModel } from '../../../../emulator/gas/spreadsheet';
import { leadBook } from './fake-env';

describe('getValues', () => {
  it('returns numbers, booleans, Dates, strings and "" for empty cells', () => {
    const { sheet } = leadBook();
    const when = new Date(Date.UTC(2026, 0, 5, 9, 30));
    sheet.getRange(2, 7, 1, 5).setValues([[42, true, when, 'text', null]]);
    const [[n, b, d, s, empty]] = sheet.getRange(2, 7, 1, 5).getValues();
    expect([n, b, s, empty]).toEqual([42, true, 'text', '']);
    expect(d).toBeInstanceOf(Date);
    expect((d as Date).getTime()).toBe(when.getTime());
  });

  it('hands out Dates made by env.newDate, so they belong to the script realm', () => {
    const ScriptDate = runInNewContext('Date') as DateConstructor;
    const { sheet } = leadBook({ newDate: (ms) => new ScriptDate(ms) });
    sheet.getRange('G2').setValue(new Date(Date.UTC(2026, 0, 5)));
    const value = sheet.getRange('G2').getValue();
    expect(value).toBeInstanceOf(ScriptDate);
    expect(value).not.toBeInstanceOf(Date);
  });

  it('copies Dates in and out: changing one later changes no cell', () => {
    const { sheet } = leadBook();
    const when = new Date(Date.UTC(2026, 0, 5));
    sheet.getRange('G2').setValue(when);
    when.setUTCFullYear(1999);
    (sheet.getRange('G2').getValue() as Date).setUTCFullYear(1998);
    expect((sheet.getRange('G2').getValue() as Date).getUTCFullYear()).toBe(2026);
  });
});

describe('written text is parsed like typing', () => {
  it.each([
    ['123', 123],
    ['-4.5', -4.5],
    ['1e3', 1000],
    ['+7', 7],
    ['007', 7],
    ['.5', 0.5],
    ['TRUE', true],
    ['false', false],
    ['tRuE', true],
    ['12 apples', '12 apples'],
    ['1,234', '1,234'],
    ['+1 555 0100', '+1 555 0100'],
    ['2026-02-30', '2026-02-30'],
    ['', ''],
  ])('%p is stored as %p', (input, stored) => {
    const { sheet } = leadBook();
    sheet.getRange('A2').setValue(input);
    expect(sheet.getRange('A2').getValue()).toEqual(stored);
  });

  it('makes ISO-like and US dates Dates at midnight in the spreadsheet time zone', () => {
    const book = new SpreadsheetModel({ timeZone: 'America/New_York' });
    const sheet = book.addSheet('S', [['2026-01-05', '1/5/2026', '2026-07-01 14:30']]);
    const [[iso, us, withTime]] = sheet.values() as Date[][];
    expect(iso.toISOString()).toBe('2026-01-05T05:00:00.000Z');
    expect(us.getTime()).toBe(iso.getTime());
    expect(withTime.toISOString()).toBe('2026-07-01T18:30:00.000Z');
  });

  it('stores text after a leading apostrophe as text, without the apostrophe', () => {
    const { sheet } = leadBook();
    sheet.getRange('A2:C2').setValues([["'123", "'=IMPORTXML(x)", "'TRUE"]]);
    expect(sheet.getRange('A2:C2').getValues()).toEqual([['123', '=IMPORTXML(x)', 'TRUE']]);
    expect(sheet.getRange('A2:C2').getFormulas()).toEqual([['', '', '']]);
  });

  it('makes "=…" a formula whose value reads #NAME? (formulas are not evaluated)', () => {
    const { sheet } = leadBook();
    sheet.getRange('B2').setValue('=IMPORTXML("http://x", "//a")');
    expect(sheet.getRange('B2').getFormula()).toBe('=IMPORTXML("http://x", "//a")');
    expect(sheet.getRange('B2').getValue()).toBe('#NAME?');
    expect(sheet.getRange('A2:C2').getFormulas()).toEqual([['', '=IMPORTXML("http://x", "//a")', '']]);
  });

  it('keeps every string as it is in a plain-text (@) cell', () => {
    const { sheet } = leadBook();
    const range = sheet.getRange('A2:E2');
    range.setNumberFormat('@');
    range.setValues([['=1+1', '00123', 'TRUE', "'quoted", '2026-01-05']]);
    expect(range.getValues()).toEqual([['=1+1', '00123', 'TRUE', "'quoted", '2026-01-05']]);
    expect(range.getFormulas()).toEqual([['', '', '', '', '']]);
    expect(range.getNumberFormat()).toBe('@');
  });

  it('stores numbers and booleans written as such unchanged, even in a plain-text cell', () => {
    const { sheet } = leadBook();
    sheet.getRange('A2').setNumberFormat('@').setValue(5);
    sheet.getRange('B2').setValue(false);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([[5, false]]);
    expect(sheet.getRange('A2').getDisplayValue()).toBe('5');
  });

  it('setFormula stores the formula; setFormula("") empties the cell', () => {
    const { sheet } = leadBook();
    sheet.getRange('G2:G3').setFormula('=A2&"!"');
    expect(sheet.getRange('G2:G3').getFormulas()).toEqual([['=A2&"!"'], ['=A2&"!"']]);
    sheet.getRange('G2:G3').setFormulas([[''], ['=1']]);
    expect(sheet.getRange('G2:G3').getFormulas()).toEqual([[''], ['=1']]);
    expect(sheet.getRange('G2').getValue()).toBe('');
  });

  it('a formula cell counts as content for getLastRow', () => {
    const { sheet } = leadBook();
    sheet.getRange('A10').setFormula('=1');
    expect(sheet.getLastRow()).toBe(10);
  });
});

describe('getDisplayValues', () => {
  it('shows numbers plainly, booleans as TRUE/FALSE, dates as M/d/yyyy, empty as ""', () => {
    const { sheet } = leadBook();
    sheet.getRange('A2:F2').setValues([[1234.5, 0.1 + 0.2, true, new Date(Date.UTC(2026, 0, 5)), '', 'x']]);
    expect(sheet.getRange('A2:F2').getDisplayValues()).toEqual([['1234.5', '0.3', 'TRUE', '1/5/2026', '', 'x']]);
  });

  it('shows a date with a time of day with it', () => {
    const { sheet } = leadBook();
    sheet.getRange('A2').setValue(new Date(Date.UTC(2026, 0, 5, 14, 3, 9)));
    expect(sheet.getRange('A2').getDisplayValue()).toBe('1/5/2026 14:03:09');
  });

  it.each([
    ['0.00', 1234.5, '1234.50'],
    ['#,##0', 1234567.8, '1,234,568'],
    ['#,##0.00', -1234.5, '-1,234.50'],
    ['0%', 0.256, '26%'],
    ['0.0#', 2, '2.0'],
    ['yyyy-mm-dd hh:mm:ss', new Date(Date.UTC(2026, 2, 4, 5, 6, 7)), '2026-03-04 05:06:07'],
    ['mmm d, yyyy', new Date(Date.UTC(2026, 2, 4)), 'Mar 4, 2026'],
    ['h:mm am/pm', new Date(Date.UTC(2026, 2, 4, 15, 7)), '3:07 PM'],
    ['yyyy-mm-dd', 46027, '2026-01-05'],
    ['0.00', new Date(Date.UTC(2026, 0, 5, 12)), '46027.50'],
  ])('applies the number format %p', (format, value, shown) => {
    const { sheet } = leadBook();
    sheet.getRange('A2').setNumberFormat(format).setValue(value);
    expect(sheet.getRange('A2').getDisplayValue()).toBe(shown);
  });

  it('shows dates in the spreadsheet time zone', () => {
    const book = new SpreadsheetModel({ timeZone: 'Asia/Tokyo' });
    const sheet = book.addSheet('S');
    sheet.typeAsUser(1, 1, [[new Date(Date.UTC(2026, 0, 5, 20))]]);
    expect(sheet.readDisplay(1, 1, 1, 1)).toEqual([['1/6/2026 5:00:00']]);
  });

  it('reports the automatic number format of an unformatted cell as Apps Script does', () => {
    expect(leadBook().sheet.getRange('A2').getNumberFormat()).toBe('0.###############');
  });
});
