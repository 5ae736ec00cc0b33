import { cellText } from '../../src/core/cell-text';

describe('cell text', () => {
  it('reads numbers, booleans, dates and blanks as text', () => {
    expect([cellText(1001), cellText(1.5), cellText(true), cellText(''), cellText(null), cellText('  x ')]).toEqual(['1001', '1.5', 'TRUE', '', '', 'x']);
    expect(cellText(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05T00:00:00.000Z');
  });
});
