// A day of a bound script on 1,000 and on 10,000 leads — the schedule, a webhook, a few hundred sheet edits and card
// moves — stays inside every daily quota (trigger runtime 90 min, UrlFetch 20,000, Properties 50,000 on a personal
// account), with realistic call costs. On 10,000 leads the add-on slows its schedule to fit, and says so.
//
// What runs for real and what is counted: a whole day (1,440 scheduled runs, hundreds of edits) takes far too long in
// real time, so the test runs for real the start of the day — the schedule's first runs, a sample of the edits and
// moves with their webhook deliveries, and quiet runs after them — and reads those executions' usage from the
// emulator's quota ledger. The rest of the day is then charged, not run: each remaining scheduled slot at the cost of
// the measured quiet run (which the test checks is the same run after run), and each remaining edit and move at the
// highest cost measured for its kind (a move carries every webhook delivery of the sample, the echoes of the add-on's
// own writes included). The printed table keeps the two parts apart.
import type { ExecutionResult } from '../../emulator/gas';
import { linkedWorld, type SyncWorld } from './sync-world';

/** What a day uses of the daily quotas. */
interface Usage {
  triggerRuntimeMs: number;
  urlFetchCalls: number;
  propertiesCalls: number;
}

/** The activity of the day and how much of it runs for real. */
interface DayPlan {
  leads: number;
  /** Person edits and card moves in the whole day. */
  edits: number;
  moves: number;
  /** How many of them run for real, one event a minute, at the start of the day. */
  sampleEdits: number;
  sampleMoves: number;
}

interface DayReport {
  world: SyncWorld;
  measured: Usage;
  charged: Usage;
  total: Usage;
  limits: Usage;
  scheduleEveryMs: number;
  quietRun: ExecutionResult;
  slotsCharged: number;
}

const STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'COMPLETED', 'LOST'];
const MINUTE_MS = 60_000;
const DAY_MS = 1_440 * MINUTE_MS;
/** Midnight in California, where Google's quota days begin (08:00 UTC in January). */
const PACIFIC_MIDNIGHT_UTC_HOUR = 8;

const ZERO: Usage = { triggerRuntimeMs: 0, urlFetchCalls: 0, propertiesCalls: 0 };

function add(a: Usage, b: Usage, times = 1): Usage {
  return {
    triggerRuntimeMs: a.triggerRuntimeMs + times * b.triggerRuntimeMs,
    urlFetchCalls: a.urlFetchCalls + times * b.urlFetchCalls,
    propertiesCalls: a.propertiesCalls + times * b.propertiesCalls,
  };
}

function highest(a: Usage, b: Usage): Usage {
  return {
    triggerRuntimeMs: Math.max(a.triggerRuntimeMs, b.triggerRuntimeMs),
    urlFetchCalls: Math.max(a.urlFetchCalls, b.urlFetchCalls),
    propertiesCalls: Math.max(a.propertiesCalls, b.propertiesCalls),
  };
}

/** One execution's use of the daily quotas (its runtime counts only for a trigger). */
function usageOf(run: ExecutionResult, trigger: boolean): Usage {
  return {
    triggerRuntimeMs: trigger ? run.endedAt - run.startedAt : 0,
    urlFetchCalls: run.counters.urlFetchRequests,
    propertiesCalls: run.counters.propertiesReads + run.counters.propertiesWrites,
  };
}

function scheduleEveryMs(world: SyncWorld): number {
  const schedule = world.gas.triggers().find((trigger) => trigger.handlerFunction === 'onSchedule');
  if (schedule?.everyMs === undefined) throw new Error('no scheduled trigger');
  return schedule.everyMs;
}

/** Runs the start of the day for real, then charges the rest (see the top of the file). */
function simulateDay(plan: DayPlan): DayReport {
  const world = linkedWorld(plan.leads, { webApp: true });
  const sinceMidnight = (world.clock.now() - PACIFIC_MIDNIGHT_UTC_HOUR * 3_600_000) % DAY_MS;
  world.clock.advance(DAY_MS - sinceMidnight);
  const dayEnd = world.clock.now() + DAY_MS;
  world.run('installTriggers');
  world.registerWebhook();

  const scheduled = world.gas.advanceTime(MINUTE_MS);
  const edits: ExecutionResult[] = [];
  let deliveries = ZERO;
  for (let minute = 0; minute < Math.max(plan.sampleEdits, plan.sampleMoves); minute++) {
    if (minute < plan.sampleEdits) {
      const lead = 1 + ((minute * 37) % plan.leads);
      edits.push(...world.gas.userEdit('LeadTracker', `D${lead + 1}`, [[STATUSES[lead % STATUSES.length]]]));
    }
    if (minute < plan.sampleMoves) {
      const card = world.cardOf(`L${1 + ((minute * 53 + 11) % plan.leads)}`);
      world.person.moves(card?.id as string, world.listNameOf(card) === 'DONE' ? 'TODO' : 'DONE');
    }
    for (const delivery of world.deliver()) deliveries = add(deliveries, usageOf(delivery, false));
    scheduled.push(...world.gas.advanceTime(MINUTE_MS));
  }
  // Quiet runs: nothing happens any more (the first run after the last event may still settle something); the last
  // two scheduled runs must cost the same, at a pace that no longer changes.
  scheduled.push(...world.gas.advanceTime(3 * scheduleEveryMs(world)));
  const everyMs = scheduleEveryMs(world);
  scheduled.push(...world.gas.advanceTime(everyMs));
  expect(scheduleEveryMs(world)).toBe(everyMs);
  const [before, quietRun] = scheduled.slice(-2);
  expect([...scheduled, ...edits].every((run) => run.error === undefined)).toBe(true);
  const perEdit = edits.reduce((most, run) => highest(most, usageOf(run, true)), ZERO);
  // Two quiet runs differ at most by the periodic refresh of the stored run summary (one property write): each
  // remaining slot is charged at the costlier of the two.
  expect({ ...quietRun.counters, propertiesWrites: 0 }).toEqual({ ...before.counters, propertiesWrites: 0 });
  expect(Math.abs(quietRun.counters.propertiesWrites - before.counters.propertiesWrites)).toBeLessThanOrEqual(1);
  const perSlot = highest(usageOf(before, true), usageOf(quietRun, true));

  const measured = world.gas.quotaUsage();
  const slotsCharged = Math.floor((dayEnd - world.clock.now()) / everyMs);
  const perMove = { ...deliveries, triggerRuntimeMs: 0 };
  const charged = add(
    add(add(ZERO, perSlot, slotsCharged), perEdit, plan.edits - plan.sampleEdits),
    { urlFetchCalls: Math.ceil(perMove.urlFetchCalls / plan.sampleMoves), propertiesCalls: Math.ceil(perMove.propertiesCalls / plan.sampleMoves), triggerRuntimeMs: 0 },
    plan.moves - plan.sampleMoves,
  );
  return {
    world,
    measured,
    charged,
    total: add(measured, charged),
    limits: measured.limits,
    scheduleEveryMs: everyMs,
    quietRun,
    slotsCharged,
  };
}

function printTable(plan: DayPlan, report: DayReport): void {
  const minutes = (ms: number) => `${(ms / MINUTE_MS).toFixed(1)} min`;
  const line = (name: string, key: keyof Usage, format: (n: number) => string) =>
    [name, format(report.measured[key]), format(report.charged[key]), format(report.total[key]), format(report.limits[key]), `${((100 * report.total[key]) / report.limits[key]).toFixed(0)} %`];
  const count = (n: number) => String(Math.round(n));
  const rows = [
    ['quota', 'run for real', 'charged', 'day', 'limit', 'used'],
    line('trigger runtime', 'triggerRuntimeMs', minutes),
    line('UrlFetch calls', 'urlFetchCalls', count),
    line('Properties r+w', 'propertiesCalls', count),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(
    [
      `A day on ${plan.leads} leads: schedule every ${report.scheduleEveryMs / MINUTE_MS} min, quiet run ${((report.quietRun.endedAt - report.quietRun.startedAt) / 1000).toFixed(2)} s; ` +
        `${plan.edits} edits and ${plan.moves} moves (${plan.sampleEdits} and ${plan.sampleMoves} run for real); ${report.slotsCharged} scheduled slots charged at the quiet run's cost.`,
      ...rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ')),
    ].join('\n'),
  );
}

function expectInsideEveryQuota(report: DayReport): void {
  expect(report.total.triggerRuntimeMs).toBeLessThanOrEqual(report.limits.triggerRuntimeMs);
  expect(report.total.urlFetchCalls).toBeLessThanOrEqual(report.limits.urlFetchCalls);
  expect(report.total.propertiesCalls).toBeLessThanOrEqual(report.limits.propertiesCalls);
}

describe('a simulated day', () => {
  it('on 1,000 leads: every minute, inside every daily quota', () => {
    const plan: DayPlan = { leads: 1_000, edits: 300, moves: 150, sampleEdits: 12, sampleMoves: 6 };
    const report = simulateDay(plan);
    printTable(plan, report);
    expect(report.scheduleEveryMs).toBe(MINUTE_MS);
    expectInsideEveryQuota(report);
    // The sample's edits reached Trello and its moves the sheet.
    expect(report.world.listNameOf(report.world.cardOf('L1'))).toBe('IN_PROGRESS');
    expect(report.world.lead('L12')?.status).toBe('COMPLETED');
  });

  it('on 10,000 leads: the schedule slows to every 5 minutes, says so, and the day fits', () => {
    const plan: DayPlan = { leads: 10_000, edits: 300, moves: 150, sampleEdits: 4, sampleMoves: 2 };
    const report = simulateDay(plan);
    printTable(plan, report);
    // The first quiet runs took over 2.25 s: every minute, they would spend more than the 54 minutes (60 % of 90) the
    // schedule may use. The Sync Log says why the schedule changed.
    expect(report.scheduleEveryMs).toBe(5 * MINUTE_MS);
    const log = report.world.spreadsheet.sheet('Sync Log')?.values().map((line) => String(line[3])) ?? [];
    expect(log.filter((line) => line.startsWith('The scheduled sync now runs every 5 minutes (was every minute): a quiet run takes'))).toHaveLength(1);
    expectInsideEveryQuota(report);

    const state = report.world.run<{ schedule: { everyMinutes: number; dailyTriggerMs: number; note: string } }>('getSidebarState').returnValue;
    expect(state?.schedule.everyMinutes).toBe(5);
    expect(state?.schedule.dailyTriggerMs).toBeLessThanOrEqual(0.6 * report.limits.triggerRuntimeMs);
    expect(state?.schedule.note).toMatch(/^A full sync runs every 5 minutes: on this sheet a run takes \d+\.\d s/);
    const health = report.world.run<{ getContent(): string }>('doGet', { parameter: {} }, { hasUi: false }).returnValue;
    expect(JSON.parse(health?.getContent() ?? '{}')).toMatchObject({ schedule: { everyMinutes: 5 } });
  });
});
