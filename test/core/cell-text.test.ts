import { cellText } from '../../src/core/cell-text';

describe('cell text', () => {
  it('reads numbers, booleans, dates and blanks as text', () => {
    expect([cellText(1001), cellText(1.5), cellText(true), cellText(false), cellText(''), cellText(null), cellText('  x ')]).toEqual(['1001', '1.5', 'TRUE', 'FALSE', '', '', 'x']);
    expect(cellText(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05T00:00:00.000Z');
  });

  it('reads a number that is not finite (a failed calculation) as a blank, not as "NaN" or "Infinity"', () => {
    expect([cellText(Number.NaN), cellText(Number.POSITIVE_INFINITY), cellText(Number.NEGATIVE_INFINITY)]).toEqual(['', '', '']);
  });

  it('reads any other value by its trimmed text', () => {
    expect(cellText({ toString: () => '  rich text  ' })).toBe('rich text');
  });
});
