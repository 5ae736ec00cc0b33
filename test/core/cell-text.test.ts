import { asPlainTextCell, cellText } from '../../src/core/cell-text';

describe('cell text', () => {
  it('reads numbers, booleans, dates and blanks as text', () => {
    expect([cellText(1001), cellText(1.5), cellText(true), cellText(''), cellText(null), cellText('  x ')]).toEqual(['1001', '1.5', 'TRUE', '', '', 'x']);
    expect(cellText(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05T00:00:00.000Z');
  });

  it('guards text that Sheets would turn into a formula, number, date or boolean', () => {
    for (const text of ['=IMPORTXML("http://x","//a")', '+1', '-2', '@x', "'quoted", '2026-01-05', '5f3a1b', 'true']) {
      expect(asPlainTextCell(text)).toBe(`'${text}`);
    }
    expect(asPlainTextCell('Ada Lovelace')).toBe('Ada Lovelace');
  });
});
