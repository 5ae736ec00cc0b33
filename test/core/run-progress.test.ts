// How the sidebar words a long run's progress: done of total, the time left at the pace so far, or the next run.
import { progressShare, progressText, remainingMs, type RunProgress } from '../../src/core/run-progress';

const progress = (overrides: Partial<RunProgress>): RunProgress => ({ done: 312, total: 1000, creates: true, startedAt: 0, at: 32_000, until: 270_000, ...overrides });

describe('progressText', () => {
  it('says how many cards are created and about how long the rest takes at the pace so far', () => {
    expect(remainingMs(progress({}))).toBeCloseTo((32_000 / 312) * 688);
    expect(progressText(progress({}))).toBe('312 of 1,000 cards created — about 71 s left');
    expect(remainingMs(progress({ done: 100, total: 300, startedAt: 1_000_000, at: 1_010_000 }))).toBe(20_000);
  });

  it('speaks of changes when the run also updates cards, and of no time before the first answer', () => {
    expect(progressText(progress({ creates: false, done: 0 }))).toBe('0 of 1,000 changes sent to Trello');
  });

  it('says the rest goes on at the next run when it would not fit in this one', () => {
    expect(progressText(progress({ until: 60_000 }))).toBe('312 of 1,000 cards created — the rest goes on at the next run');
  });

  it('gives the time left when the rest ends right at the end of this run', () => {
    expect(progressText(progress({ done: 1, total: 2, at: 1_000, until: 2_000 }))).toBe('1 of 2 cards created — about 1 s left');
  });
});

describe('progressShare', () => {
  it('is the part done, full for a run with nothing to send', () => {
    expect(progressShare(progress({}))).toBeCloseTo(0.312);
    expect(progressShare(progress({ done: 0, total: 0 }))).toBe(1);
  });
});
