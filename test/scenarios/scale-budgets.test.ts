// Cost at scale (README, Cost budgets): one status edit and one webhook delivery move O(1) cells — ≤ 1 % of what a full
// read moves, the same at 1,000 and 10,000 leads — within their call budgets; the echo of the add-on's own change
// costs at most one Sheets call; a quiet run at 10,000 leads, with and without FIELD_MAPPING, costs what it does on a
// small sheet. Counted by the emulators, never timed.
import type { ExecutionCounters, ExecutionResult } from '../../emulator/gas';
import { expectQuietScheduledRuns } from './quiet-run';
import { linkedWorld, type SyncWorld } from './sync-world';

/** Every Spreadsheet call and every Sheets API data call (the add-on makes no other Sheets API call). */
const sheetsCalls = (counters: ExecutionCounters) => counters.spreadsheetCalls + counters.sheetsDataCalls;

/** A synced world of `count` linked leads with the edit trigger and the webhook set up, and what a full read moves. */
function syncedWorld(count: number): { world: SyncWorld; fullReadCells: number } {
  const world = linkedWorld(count, { webApp: true });
  world.run('installTriggers');
  world.registerWebhook();
  world.run('onSchedule', {}, { hasUi: false });
  // A quiet scheduled run reads the lead tab and the base whole, and nothing else.
  const quiet = world.run('onSchedule', {}, { hasUi: false });
  expect(quiet.counters.sheetsDataCalls).toBe(1);
  world.deliver();
  return { world, fullReadCells: quiet.counters.cellsMoved };
}

/** What one status edit (row 10, lead L9: COMPLETED → CONTACTED) and the delivery of a card move cost. */
function measure(count: number) {
  const { world, fullReadCells } = syncedWorld(count);
  const before = world.requestCount();
  const [edit] = world.gas.userEdit('LeadTracker', 'D10', [['CONTACTED']]);
  expect(edit.error).toBeUndefined();
  expect(world.listNameOf(world.cardOf('L9'))).toBe('IN_PROGRESS');
  const editRequests = world.trello.requests.slice(before);

  const [echo] = world.deliver();
  world.person.moves(world.cardOf('L20')!.id, 'TODO'); // L20 was LOST
  const beforeDelivery = world.requestCount();
  const [move, drop] = world.deliver();
  expect(world.lead('L20')?.status).toBe('NEW');
  return { world, fullReadCells, edit, editRequests, echo, move, drop, deliveryRequests: world.requestCount() - beforeDelivery };
}

/** The default columns, plus the card's due date in the column "Follow up". */
const DUE_DATE_MAPPING = [
  { column: 'name', field: 'name', direction: 'both' },
  { column: 'email', field: 'desc:Email', direction: 'toTrello' },
  { column: 'source', field: 'desc:Source', direction: 'toTrello' },
  { column: 'Follow up', field: 'due', direction: 'both' },
];

const cost = (run: ExecutionResult) => ({ dataCalls: run.counters.sheetsDataCalls, sheetsCalls: sheetsCalls(run.counters), cells: run.counters.cellsMoved, trello: run.counters.urlFetchRequests });

describe('cost at scale', () => {
  let large: ReturnType<typeof measure>;
  beforeAll(() => {
    large = measure(10_000);
  });

  it('one status edit at 10,000 leads: ≤ 1 % of a full read, ≤ 4 Sheets data calls, one Trello write and at most one read', () => {
    expect(large.edit.counters.cellsMoved).toBeLessThanOrEqual(large.fullReadCells / 100);
    expect(large.edit.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
    expect(large.editRequests.filter((request) => request.method !== 'GET')).toHaveLength(1);
    expect(large.editRequests.filter((request) => request.method === 'GET').length).toBeLessThanOrEqual(1);
  });

  it('one delivery of a card move at 10,000 leads: ≤ 1 % of a full read, ≤ 4 Sheets data calls, ≤ 2 Trello requests', () => {
    for (const delivery of [large.move, large.drop]) {
      expect(delivery.error).toBeUndefined();
      expect(delivery.counters.cellsMoved).toBeLessThanOrEqual(large.fullReadCells / 100);
      expect(delivery.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
    }
    expect(large.deliveryRequests).toBeLessThanOrEqual(2);
  });

  it('the echo of the edit’s own card move costs at most one Sheets call and no Trello request', () => {
    expect(large.echo.error).toBeUndefined();
    expect(sheetsCalls(large.echo.counters)).toBeLessThanOrEqual(1);
    expect(large.echo.counters.sheetsDataCalls).toBe(0);
    expect(large.echo.counters.urlFetchRequests).toBe(0);
  });

  it('costs the same at 1,000 leads as at 10,000: O(1) in the number of rows', () => {
    const small = measure(1_000);
    for (const run of ['edit', 'echo', 'move', 'drop'] as const) expect(cost(small[run])).toEqual(cost(large[run]));
    expect(small.fullReadCells).toBeLessThan(large.fullReadCells / 5);
  });
});

describe('a quiet run at 10,000 leads', () => {
  it('with nothing changed: 1 Sheets data call, 1 Trello request, no Properties write', () => {
    expectQuietScheduledRuns(10_000);
  });
});

describe('FIELD_MAPPING at 10,000 leads', () => {
  it('an edit of a mapped date cell moves ≤ 1 % of what a full read moves, and the quiet run stays at 1 Sheets data call', () => {
    const world = linkedWorld(10_000);
    (world.spreadsheet as { timeZone: string }).timeZone = 'Europe/Berlin';
    // Every card has a due date, so the mapped column is full when the edit is made.
    for (const card of world.cards()) world.trello.personSetsDue({ memberId: world.workspace.member.id, cardId: card.id, due: '2026-03-04T11:00:00.000Z' });
    world.leads.typeAsUser(1, 7, [['Follow up']]);
    world.settingsStore().set('FIELD_MAPPING', JSON.stringify(DUE_DATE_MAPPING));
    world.run('installTriggers');
    world.run('onSchedule', {}, { hasUi: false });
    const quiet = world.run('onSchedule', {}, { hasUi: false });
    expect(quiet.counters.sheetsDataCalls).toBe(1);
    expect(quiet.counters.urlFetchRequests).toBe(1);
    expect(world.lead('L9000')?.['Follow up']).toBe('2026-03-04');
    const [edit] = world.gas.userEdit('LeadTracker', 'G10', [['3/9/2026']]);
    expect(edit.error).toBeUndefined();
    expect(edit.counters.cellsMoved).toBeLessThanOrEqual(quiet.counters.cellsMoved / 100);
    expect(world.cardOf('L9')?.due).toBe('2026-03-09T11:00:00.000Z');
  });
});
