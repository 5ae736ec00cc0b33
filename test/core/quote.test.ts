import { fittedToCell, groupedNumber, MAX_NOTE_OR_LOG_CHARACTERS, quote, shortened } from '../../src/core/quote';

describe('quote', () => {
  it('quotes short values whole and long ones as a 200-character excerpt with their length', () => {
    expect(quote('Ada')).toBe('"Ada"');
    const long = quote('x'.repeat(49_990));
    expect(long).toBe(`"${'x'.repeat(200)}…" (49,990 characters)`);
  });

  it('groups thousands, shortens a log id and fits any text into one note or log cell', () => {
    expect([groupedNumber(999), groupedNumber(16_384), groupedNumber(1_234_567)]).toEqual(['999', '16,384', '1,234,567']);
    expect(shortened('L1')).toBe('L1');
    expect(shortened('i'.repeat(300))).toHaveLength(201);
    expect(fittedToCell('n'.repeat(60_000))).toHaveLength(MAX_NOTE_OR_LOG_CHARACTERS);
    expect(fittedToCell('short')).toBe('short');
  });

  it('keeps a value of exactly the limit whole: 200 characters quoted or shortened, 5,000 in a note or log cell', () => {
    expect(quote('q'.repeat(200))).toBe(`"${'q'.repeat(200)}"`);
    expect(shortened('s'.repeat(200))).toBe('s'.repeat(200));
    expect(fittedToCell('f'.repeat(MAX_NOTE_OR_LOG_CHARACTERS))).toBe('f'.repeat(MAX_NOTE_OR_LOG_CHARACTERS));
    expect(quote('q'.repeat(201))).toBe(`"${'q'.repeat(200)}…" (201 characters)`);
  });
});
