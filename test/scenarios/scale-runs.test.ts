// Scheduled runs at scale, on the built bundle: a lean quiet run, the schedule fitted to the daily trigger time, and
// a long first import at Trello's rate-limit floor. Cost is counted from the emulators' counters, never timed.
import type { ExecutionResult } from '../../emulator/gas';
import { linkedWorld, sampleRows, SyncWorld } from './sync-world';

describe('a quiet scheduled run at 10,000 leads', () => {
  it('costs 1 Sheets data call, exactly 1 Trello request and at most 2.5 MB from Trello', () => {
    const world = linkedWorld(10_000);
    world.run('onSchedule', {}, { hasUi: false });
    world.clock.advance(60_000);
    const requestsBefore = world.requestCount();
    const quiet = world.run<{ created: number; updatedCards: number; changedCells: number }>('onSchedule', {}, { hasUi: false });
    expect(quiet.returnValue).toMatchObject({ created: 0, updatedCards: 0, changedCells: 0 });
    expect(quiet.counters.sheetsDataCalls).toBeLessThanOrEqual(1);
    expect(world.requestCount() - requestsBefore).toBe(1);
    expect(quiet.counters.urlFetchRequests).toBe(1);
    expect(quiet.counters.urlFetchBytesReceived).toBeLessThanOrEqual(2_500_000);
  });
});

describe('a first import of 5,000 leads on the schedule', () => {
  type Summary = { created: number; finished: boolean };

  it('takes at most 1.05 × Trello\'s floor (N ÷ 10 s) on the clock, with no duplicate card and no 429', () => {
    const leads = 5_000;
    const world = new SyncWorld({ rows: sampleRows(leads) });
    world.run('installTriggers');
    const runs: ExecutionResult<Summary>[] = [];
    for (let minute = 0; minute < 20 && !runs.some((run) => run.returnValue?.finished && run.returnValue.created > 0); minute++) {
      runs.push(...(world.gas.advanceTime(60_000) as ExecutionResult<Summary>[]));
    }
    for (const run of runs) expect(run.error).toBeUndefined();
    const working = runs.filter((run) => (run.returnValue?.created ?? 0) > 0);
    expect(working.length).toBeGreaterThan(1); // the import outlasts one execution
    const span = working[working.length - 1].endedAt - working[0].startedAt;
    expect(span).toBeLessThanOrEqual(1.05 * (leads / 10) * 1000);

    expect(world.cards()).toHaveLength(leads);
    expect(new Set(world.cards().map((card) => card.name)).size).toBe(leads);
    for (const n of [1, 2_500, leads]) expect(world.cardOf(`L${n}`)?.name).toBe(`Lead ${n}`);
    expect(world.trello.requests.filter((request) => request.status === 429)).toEqual([]);
    // Each stop made a one-off trigger that the next run deleted: the edit and the schedule triggers are left.
    expect(world.gas.triggers().map((trigger) => trigger.handlerFunction).sort()).toEqual(['onSchedule', 'onSheetEdit']);
    // Sheets calls stay O(1) per run however many cards and Sync Log lines a run makes.
    for (const run of working) expect(run.counters.spreadsheetCalls).toBeLessThanOrEqual(100);
  });
});
