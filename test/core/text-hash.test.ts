import { textHash } from '../../src/core/text-hash';

describe('textHash', () => {
  it('is stable, short and tells different texts apart', () => {
    expect(textHash('NEW\u0001Ada')).toBe(textHash('NEW\u0001Ada'));
    expect(textHash('NEW\u0001Ada')).not.toBe(textHash('NEW\u0001Adb'));
    expect(textHash('x'.repeat(50_000))).toMatch(/^[0-9a-f]{14}$/);
  });

  it('gives the published cyrb53 values, so hashes stored by an earlier version still match after an update', () => {
    // cyrb53 with seed 0: "" → 3338908027751811, "a" → 7929297801672961.
    expect(textHash('')).toBe((3338908027751811).toString(16).padStart(14, '0'));
    expect(textHash('a')).toBe((7929297801672961).toString(16).padStart(14, '0'));
  });
});
