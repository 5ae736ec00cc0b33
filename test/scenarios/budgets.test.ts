// Cost is counted (README, Cost budgets). Sheets data calls and Trello requests per run, from the emulators' counters.
import { expectQuietScheduledRuns } from './quiet-run';
import { linkedWorld, sampleRows, SyncWorld } from './sync-world';

describe('call budgets', () => {
  it('a scheduled run over 500 leads with nothing changed: 1 Sheets data call, 1 Trello request, no Properties write', () => {
    expectQuietScheduledRuns(500);
  });

  it('one status edit: ≤ 4 Sheets data calls, one Trello write and at most one read', () => {
    const world = linkedWorld(2_000);
    world.run('installTriggers');
    world.run('onSchedule', {}, { hasUi: false });
    const before = world.trello.requests.length;
    const [edit] = world.gas.userEdit('LeadTracker', 'D10', [['CONTACTED']]); // L9 was COMPLETED
    expect(edit.error).toBeUndefined();
    const sent = world.trello.requests.slice(before);
    expect(sent.filter((request) => request.method !== 'GET')).toHaveLength(1);
    expect(sent.filter((request) => request.method === 'GET').length).toBeLessThanOrEqual(1);
    expect(edit.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
    expect(world.listNameOf(world.cardOf('L9'))).toBe('IN_PROGRESS');
  });

  it('a first sync costs the same number of Sheets calls for 50 leads as for 500', () => {
    const sheetsCalls = (count: number): number => {
      const world = new SyncWorld({ rows: sampleRows(count, ['NEW', '', 'CONTACTED', 'LOST']) });
      const run = world.run('syncNow');
      expect(world.cards()).toHaveLength(count);
      return run.counters.sheetsDataCalls;
    };
    const small = sheetsCalls(50);
    expect(small).toBeLessThanOrEqual(10);
    expect(sheetsCalls(500)).toBe(small);
  });
});
