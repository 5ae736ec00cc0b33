// A long first import leaves its progress in the cache every few seconds; the sidebar's poll reads it mid-run.
import type { LiveChanges, RunProgress } from '../../src/app/sidebar-types';
import { progressText } from '../../src/core/run-progress';
import { sampleRows, SyncWorld } from './sync-world';

const ROWS = 300;

describe('the progress of a long sync', () => {
  it('is written while the run sends its cards, and the sidebar poll reads it mid-run, then sees none', () => {
    const world = new SyncWorld({ rows: sampleRows(ROWS) });
    // A low start chance spreads the sidebar's polls over the run (seeded: the same interleaving every time).
    const [[sync], ...polls] = world.gas.concurrently({ seed: 1, startChance: 0.003 }, (batch) => {
      batch.run('syncNow');
      for (let poll = 0; poll < 20; poll++) batch.run('pollChanges');
    });
    expect(sync.returnValue).toMatchObject({ ok: true, created: ROWS });
    const seen = polls
      .flat()
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((execution) => (execution.returnValue as LiveChanges | undefined)?.progress)
      .filter((progress): progress is RunProgress => Boolean(progress));
    // Polls nested inside the run saw part of it done, in cards created, and never more done than the one before.
    expect(seen.length).toBeGreaterThan(1);
    for (const progress of seen) expect(progress).toMatchObject({ total: ROWS, creates: true, done: expect.any(Number) });
    expect(seen.every((progress) => progress.done > 0 && progress.done < ROWS)).toBe(true);
    const done = seen.map((progress) => progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBeGreaterThan(1);
    // The run ends well within its time budget, so the bar gives the seconds left, never "the rest goes on at the next run".
    for (const progress of seen) expect(progressText(progress)).toMatch(/ — about [\d,]+ s left$/);
    // Cheap: the progress goes in the cache every few seconds, far less often than once per group of Trello writes.
    expect(sync.counters.cacheCalls).toBeLessThan(sync.counters.urlFetchCalls / 2);
    // Once the run is over, the poll shows no bar.
    expect(world.run<LiveChanges>('pollChanges').returnValue?.progress).toBeNull();
  });
});
