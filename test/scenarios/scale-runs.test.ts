// Scheduled runs at scale, on the built bundle: a lean quiet run, the schedule fitted to the daily trigger time, and
// long first imports, spread over several runs when Trello is slow, at Trello's rate-limit floor. Cost is counted from
// the emulators' counters, never timed.
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

describe('an import of thousands of leads when Trello is slow', () => {
  type Summary = { created: number; finished: boolean };

  it('imports 1,500 leads over several runs when Trello is slow, stopping cleanly before the limit', () => {
    const world = new SyncWorld({ rows: sampleRows(1500) });
    world.trello.faults.latencyMs = 2_000;
    const runs = scheduledRunsUntil(world, 1500);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs[0]).toMatchObject({ finished: false });
    expect(runs.at(-1)).toMatchObject({ finished: true });
    expect(world.gas.executions.every((run) => run.error === undefined)).toBe(true);
    expect(world.cards()).toHaveLength(1500);
    for (const n of [1, 750, 1500]) expect(world.cardOf(`L${n}`)?.name).toBe(`Lead ${n}`);
    expect(world.run<Summary>('syncNow').returnValue).toMatchObject({ created: 0 });
  });

  it('creates N cards with O(1) reads per run, within 1.1× of the rate-limit floor of N ÷ 10 seconds', () => {
    const leads = 3000;
    const world = new SyncWorld({ rows: sampleRows(leads) });
    world.trello.faults.latencyMs = 400;
    const runs = scheduledRunsUntil(world, leads);
    const busyMs = world.gas.executions.reduce((sum, run) => sum + run.endedAt - run.startedAt, 0);
    expect(runs.length).toBeGreaterThan(1);
    expect(world.cards()).toHaveLength(leads);
    expect(world.trello.requests.filter((request) => request.status === 429)).toEqual([]);
    expect(world.trello.requests.filter((request) => request.method === 'POST')).toHaveLength(leads);
    expect(world.trello.requests.filter((request) => request.method === 'GET').length).toBeLessThanOrEqual(2 * runs.length);
    expect(busyMs).toBeLessThanOrEqual(1.1 * (leads / 10) * 1000);
  });

  /** Fires the scheduled run until the board holds `cards` cards (at most 10 runs); returns each run's summary. */
  function scheduledRunsUntil(world: SyncWorld, cards: number): Summary[] {
    const runs: Summary[] = [];
    for (let attempt = 0; attempt < 10 && world.cards().length < cards; attempt++) {
      runs.push(world.run<Summary>('onSchedule', {}, { hasUi: false }).returnValue as Summary);
    }
    return runs;
  }
});

describe('an add-on\'s import that runs out of time', () => {
  it('makes no one-off trigger (Apps Script keeps an add-on\'s clock events an hour apart) and goes on with its hourly run', () => {
    const world = new SyncWorld({ rows: sampleRows(300), installationSource: 'WEB_STORE_ADD_ON' });
    world.run('installTriggers');
    world.trello.faults.latencyMs = 20_000; // each group of ten creations takes 20 s: the run stops after about 130 cards
    const [first] = world.gas.advanceTime(3_600_000) as ExecutionResult<{ created: number; finished: boolean; message: string }>[];
    expect(first.error).toBeUndefined();
    expect(first.returnValue).toMatchObject({ finished: false });
    expect(first.returnValue?.message).toContain('Out of time for this run');
    expect(world.gas.triggers().map((trigger) => trigger.handlerFunction).sort()).toEqual(['onSchedule', 'onSheetEdit']);
    world.trello.faults.latencyMs = 0;
    world.gas.advanceTime(3_600_000);
    expect(world.cards()).toHaveLength(300);
  });
});

describe('the schedule fitted to the daily trigger time', () => {
  type Schedule = { everyMinutes: number; quietRunMs: number; dailyTriggerMs: number; dailyLimitMs: number; note: string };
  const MINUTE = 60_000;

  /** 200 linked leads, triggers installed, and Trello answering slowly: each quiet run takes over 3 s. */
  function slowWorld(accountType?: string): SyncWorld {
    const world = linkedWorld(200);
    if (accountType) world.settingsStore().set('ACCOUNT_TYPE', accountType);
    world.run('installTriggers');
    world.trello.faults.latencyMs = 3_000;
    world.gas.advanceTime(4 * MINUTE);
    return world;
  }
  const scheduleOf = (world: SyncWorld) => world.run<{ schedule: Schedule }>('getSidebarState').returnValue?.schedule as Schedule;
  const everyMs = (world: SyncWorld) => world.gas.triggers().find((trigger) => trigger.handlerFunction === 'onSchedule')?.everyMs;
  const syncLog = (world: SyncWorld) => (world.spreadsheet.sheet('Sync Log')?.values() ?? []).map((line) => String(line[3]));

  it('on a personal account, lengthens to every 5 minutes when every minute would not fit, and says so in the sidebar and the Sync Log', () => {
    const world = slowWorld();
    expect(everyMs(world)).toBe(5 * MINUTE);
    const schedule = scheduleOf(world);
    expect(schedule).toMatchObject({ everyMinutes: 5, dailyLimitMs: 90 * MINUTE });
    expect(schedule.quietRunMs).toBeGreaterThan(3_000);
    expect(schedule.dailyTriggerMs).toBe(Math.round(288 * schedule.quietRunMs));
    expect(schedule.note).toMatch(/^A full sync runs every 5 minutes: on this sheet a run takes \d+\.\d s, .* The schedule uses about \d+ minutes a day \(\d+ % of Apps Script's daily trigger time, 90 minutes on a personal account\)/);
    // The line waits for the next full run, which writes it to the Sync Log.
    world.gas.advanceTime(5 * MINUTE);
    expect(syncLog(world).filter((line) => line.startsWith('The scheduled sync now runs every 5 minutes (was every minute): a quiet run takes'))).toHaveLength(1);
  });

  it('on a Google Workspace account (6 hours a day), keeps every minute and shows what a day of it costs', () => {
    const world = slowWorld('workspace');
    expect(everyMs(world)).toBe(MINUTE);
    const schedule = scheduleOf(world);
    expect(schedule).toMatchObject({ everyMinutes: 1, dailyLimitMs: 6 * 60 * MINUTE });
    expect(schedule.dailyTriggerMs).toBe(Math.round(1_440 * schedule.quietRunMs));
    expect(schedule.note).toMatch(/^A full sync runs every minute; on this sheet a run takes \d+\.\d s: the schedule uses about \d+ minutes a day \(\d+ % of Apps Script's daily trigger time, 6 hours on a Google Workspace account\)\.$/);
    expect(syncLog(world).some((line) => line.startsWith('The scheduled sync now runs'))).toBe(false);
  });
});
