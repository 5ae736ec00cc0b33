// Quota answers mid-run: a Sheets API per-minute quota (429) is waited out; a spent daily UrlFetch quota stops the
// run cleanly, and the first run after the reset converges with nothing lost and no duplicate.
import { sampleRows, SyncWorld } from './sync-world';

type Summary = { ok: boolean; finished: boolean; created: number; deferred: number; message: string; errors: string[] };

const OWNER = 'owner@example.com';
const HOUR_MS = 3_600_000;

/** Another script of the same user has spent this minute's Sheets API write requests. */
function spendSheetsWritesOfThisMinute(world: SyncWorld): void {
  while (world.gas.quotas.takeSheetsRequest('write', OWNER) === undefined);
}

/** Leaves `left` UrlFetch requests of today's quota. */
function spendUrlFetchQuotaBut(world: SyncWorld, left: number): void {
  const usage = world.gas.quotaUsage();
  world.gas.quotas.take('urlFetchCalls', usage.limits.urlFetchCalls - usage.urlFetchCalls - left);
}

function scheduledRun(world: SyncWorld): Summary {
  return world.run<Summary>('onSchedule', {}, { hasUi: false }).returnValue as Summary;
}

/** Every card of the board is linked from exactly one lead row. */
function everyCardLinkedOnce(world: SyncWorld): boolean {
  const linked = world.sheetValues().map((row) => row[5]);
  return world.cards().every((card) => linked.filter((id) => id === card.id).length === 1);
}

describe('quota answers', () => {
  it('waits out a Sheets API write quota answer (429) and finishes the run', () => {
    const world = new SyncWorld({ rows: sampleRows(20) });
    world.run('syncNow');
    world.leads.typeAsUser(2, 4, [['LOST']]);
    world.person.moves(world.cardOf('L3')?.id as string, 'DONE');
    spendSheetsWritesOfThisMinute(world);
    const result = world.run<Summary>('onSchedule', {}, { hasUi: false });
    expect(result.returnValue).toMatchObject({ ok: true, finished: true, deferred: 0 });
    // The write went through in the next minute, when the quota refilled.
    expect(Math.floor(result.endedAt / 60_000)).toBeGreaterThan(Math.floor(result.startedAt / 60_000));
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.lead('L3')?.status).toBe('COMPLETED');
    expect(everyCardLinkedOnce(world)).toBe(true);
  });

  it('stops cleanly when the daily UrlFetch quota runs out mid-run, and converges after the reset', () => {
    const world = new SyncWorld({ rows: sampleRows(100) });
    // One request reads the board, ten create cards, the next group of ten is refused.
    spendUrlFetchQuotaBut(world, 11);
    const first = scheduledRun(world);
    expect(first).toMatchObject({ finished: false, created: 10, deferred: 90 });
    expect(first.message).toBe(
      '10 card(s) created, 10 cell(s) updated. 90 change(s) wait for the next run: 90 left unfinished by the last run (Trello busy or out of reach, or out of time). ' +
        'Stopped early: Service invoked too many times for one day: urlfetch. The rest waits for the quota to reset.',
    );
    expect(world.cards()).toHaveLength(10);
    expect(everyCardLinkedOnce(world)).toBe(true);

    // The rest of the day: a run sends nothing, says why, and leaves the sheet as it was.
    world.leads.typeAsUser(2, 4, [['LOST']]);
    const requests = world.requestCount();
    const refused = scheduledRun(world);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('Service invoked too many times for one day: urlfetch.');
    expect(world.requestCount()).toBe(requests);
    expect(world.lead('L1')?.status).toBe('LOST');

    // Midnight in California: the quota is back, and one run finishes the work with nothing lost.
    world.gas.advanceTime(23 * HOUR_MS);
    expect(world.gas.quotaUsage().urlFetchCalls).toBe(0);
    expect(scheduledRun(world)).toMatchObject({ ok: true, finished: true, created: 90 });
    expect(world.cards()).toHaveLength(100);
    expect(everyCardLinkedOnce(world)).toBe(true);
    for (const n of [1, 10, 11, 100]) expect(world.cardOf(`L${n}`)?.name).toBe(`Lead ${n}`);
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
  });
});
