import { RateWindow } from '../../src/core/rate-window';

describe('RateWindow', () => {
  it('lets the limit through at once, then waits until the oldest sends leave the window', () => {
    const window = new RateWindow(3, 10_000);
    expect(window.waitFor(0, 3)).toBe(0);
    window.record(0, 2);
    window.record(4_000, 1);
    expect(window.room(5_000)).toBe(0);
    expect(window.waitFor(5_000, 1)).toBe(5_000);
    expect(window.waitFor(5_000, 3)).toBe(9_000);
    expect(window.room(10_000)).toBe(2);
  });

  it('starts from send times handed over by an earlier execution and hands on those still in the window', () => {
    const window = new RateWindow(2, 10_000, [1_000, Number.NaN, 9_000]);
    expect(window.room(9_500)).toBe(0);
    expect(window.recent(12_000)).toEqual([9_000]);
  });

  it('counts what the window holds and takes a higher limit, never a lower one', () => {
    const window = new RateWindow(95, 10_000, [0, 0, 5_000]);
    expect(window.used(6_000)).toBe(3);
    expect(window.room(6_000)).toBe(92);
    window.raiseLimit(100);
    expect(window.room(6_000)).toBe(97);
    window.raiseLimit(50);
    expect(window.room(10_000)).toBe(99);
  });
});
