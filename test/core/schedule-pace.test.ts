// The scheduled run's pace: every minute while a day of quiet runs fits in 60 % of 90 minutes, less often beyond.
import { nextPace, paceFor, paceNote, parsePace } from '../../src/core/schedule-pace';

describe('schedule pace', () => {
  it('keeps every minute while 1,440 quiet runs fit in 54 minutes, then the next interval that fits', () => {
    expect(paceFor(2_250)).toBe(1); // 1,440 × 2.25 s = 54 min
    expect(paceFor(2_251)).toBe(5);
    expect(paceFor(6_400)).toBe(5); // 288 × 6.4 s ≈ 31 min
    expect(paceFor(12_000)).toBe(10); // 288 × 12 s > 54 min
    expect(paceFor(100_000)).toBe(60);
  });

  it('lengthens at once, shortens only with room to spare', () => {
    expect(nextPace(1, 6_400)).toBe(5);
    expect(nextPace(5, 1_800)).toBe(5); // fits every minute, but only just
    expect(nextPace(5, 1_000)).toBe(1);
    expect(nextPace(10, 6_000)).toBe(5);
  });

  it('reads what it stored and falls back to every minute', () => {
    expect(parsePace('{"everyMinutes":5,"runMs":6400}')).toEqual({ everyMinutes: 5, runMs: 6400 });
    expect(parsePace('{"everyMinutes":7}')).toEqual({ everyMinutes: 1, runMs: 0 });
    expect(parsePace('not json')).toEqual({ everyMinutes: 1, runMs: 0 });
    expect(parsePace(undefined)).toEqual({ everyMinutes: 1, runMs: 0 });
  });

  it('explains a slower pace', () => {
    expect(paceNote({ everyMinutes: 1, runMs: 900 })).toBe('A full sync runs every minute.');
    expect(paceNote({ everyMinutes: 5, runMs: 6_400 })).toContain('A full sync runs every 5 minutes: on this sheet a run takes 6.4 s');
  });
});
