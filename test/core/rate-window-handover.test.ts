// Send times handed over from another execution arrive in any order and may hold junk: the window still waits right.
import { RateWindow } from '../../src/core/rate-window';

describe('RateWindow from handed-over send times', () => {
  it('waits for the oldest send time, whatever order the times came in', () => {
    const window = new RateWindow(2, 10_000, [9_000, 1_000]);
    expect(window.waitFor(9_500, 1)).toBe(1_500);
    expect(window.recent(11_500)).toEqual([9_000]);
  });

  it('ignores times that are not numbers, and starts empty without any', () => {
    const window = new RateWindow(2, 10_000, [Number.NaN, Number.POSITIVE_INFINITY, 5_000]);
    expect(window.room(6_000)).toBe(1);
    expect(new RateWindow(2, 10_000).room(0)).toBe(2);
    expect(new RateWindow(2, 10_000).recent(0)).toEqual([]);
  });
});
