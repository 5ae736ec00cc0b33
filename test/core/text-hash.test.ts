import { textHash } from '../../src/core/text-hash';

describe('textHash', () => {
  it('is stable, short and tells different texts apart', () => {
    expect(textHash('NEW\u0001Ada')).toBe(textHash('NEW\u0001Ada'));
    expect(textHash('NEW\u0001Ada')).not.toBe(textHash('NEW\u0001Adb'));
    expect(textHash('x'.repeat(50_000))).toMatch(/^[0-9a-f]{14}$/);
  });
});
