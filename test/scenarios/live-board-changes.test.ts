// Board changes reaching the sheet in each mode: the add-on's relay (sidebar open, someone editing, sidebar closed),
// the bound script's webhook, and the open sidebar's poll of board actions; sheets of two users kept apart; forged hints.
import { randomBytes } from 'node:crypto';
import { SpreadsheetModel, type ExecutionResult } from '../../emulator/gas';
import { POLL_INTERVAL_MS } from '../../src/ui/live-poll';
import type { LiveChanges } from '../../src/app/sidebar-types';
import { HEADER, linkedWorld, SyncWorld, WEB_APP_URL } from './sync-world';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const HOUR = 60 * 60 * 1000;

type Runner = { run: <T = unknown>(functionName: string, event?: unknown) => ExecutionResult<T> };

/** Registers the board webhook as `user` (the developer's web app passes Trello's HEAD check meanwhile). */
function register(world: SyncWorld, user: Runner): void {
  world.gas.deployWebApp({ url: WEB_APP_URL, access: 'MYSELF' });
  const result = user.run<{ ok: boolean; message: string }>('registerWebhook').returnValue;
  world.gas.deployWebApp({ url: WEB_APP_URL, access: 'ANYONE_ANONYMOUS' });
  expect(result?.ok).toBe(true);
}

/** Alice's sheet as an installed add-on: three linked leads, her triggers, a first sync and the relay's webhook. */
function addOnWorld(): { world: SyncWorld; alice: Runner & { userEdit: (a1: string, values: unknown[][]) => ExecutionResult[] } } {
  const world = linkedWorld(3, { installationSource: 'WEB_STORE_ADD_ON', webApp: true });
  const alice = world.editor(ALICE);
  alice.run('installTriggers');
  alice.run('syncNow');
  register(world, alice);
  world.deliver(); // what setting up caused on the board
  alice.run('pollChanges');
  return { world, alice };
}

/** Polls as the open sidebar does, every POLL_INTERVAL_MS, until `done()`; the time from `since` to that poll's end. */
function pollUntil(world: SyncWorld, user: Runner, done: () => boolean, since: number): number {
  while (world.clock.now() - since < HOUR) {
    world.gas.advanceTime(POLL_INTERVAL_MS);
    const poll = user.run<LiveChanges>('pollChanges');
    if (done()) return poll.endedAt - since;
  }
  throw new Error('never arrived while polling');
}

/** The card of a lead moves to DONE on the board: [its card id, when]. */
function moveToDone(world: SyncWorld, leadId: string): [string, number] {
  const cardId = String(world.lead(leadId)?.trello_card_id);
  const movedAt = world.clock.now();
  world.person.moves(cardId, 'DONE');
  return [cardId, movedAt];
}

describe('an installed add-on relays board changes through its web app', () => {
  it("has the developer's web app leave only a hint: no document, no sheet, no Properties, one cache write", () => {
    const { world } = addOnWorld();
    moveToDone(world, 'L1');
    const posts = world.deliver();
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect([post.functionName, post.error]).toEqual(['doPost', undefined]);
      expect(post.counters).toMatchObject({ spreadsheetCalls: 0, propertiesReads: 0, propertiesWrites: 0, urlFetchRequests: 0, cacheCalls: 1 });
    }
    expect(world.lead('L1')?.status).toBe('NEW');
  });

  it('reaches the sheet within seconds while the sidebar is open', () => {
    const { world, alice } = addOnWorld();
    const [, movedAt] = moveToDone(world, 'L1');
    world.deliver();
    const latency = pollUntil(world, alice, () => world.lead('L1')?.status === 'COMPLETED', movedAt);
    expect(latency).toBeLessThanOrEqual(POLL_INTERVAL_MS + 2000);
    // Once taken, a quiet poll costs no Trello request and no Sheets call.
    world.gas.advanceTime(POLL_INTERVAL_MS);
    const quiet = alice.run<LiveChanges>('pollChanges');
    expect(quiet.returnValue).toEqual({ source: 'relay', synced: null, progress: null });
    expect(quiet.counters).toMatchObject({ urlFetchRequests: 0, spreadsheetCalls: 0, propertiesReads: 2, propertiesWrites: 0, cacheCalls: 2 }); // the relay box, and the progress of a running sync
  });

  it('reaches the sheet at the next edit of anyone in it, the sidebar closed', () => {
    const { world } = addOnWorld();
    const [, movedAt] = moveToDone(world, 'L1');
    world.deliver();
    world.gas.advanceTime(30_000);
    const [edit] = world.editor('carol@example.com').userEdit('E3', [['Fair']]);
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(edit.endedAt - movedAt).toBeLessThan(31_000 + 2000);
  });

  it('reaches the sheet with the hourly run when nobody has it open', () => {
    const { world } = addOnWorld();
    const [, movedAt] = moveToDone(world, 'L1');
    world.deliver();
    const runs = world.gas.advanceTime(HOUR);
    const hourly = runs.find((run) => run.functionName === 'onSchedule');
    expect(hourly?.error).toBeUndefined();
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect((hourly?.endedAt ?? Infinity) - movedAt).toBeLessThanOrEqual(HOUR);
  });

  it("keeps two users' sheets apart: each takes only the hints of its own secret", () => {
    const { world, alice } = addOnWorld();
    const bobWorkspace = world.trello.seedWorkspace({ username: 'bob', boardName: "Bob's leads" });
    const bobSheet = new SpreadsheetModel({ name: "Bob's leads" });
    bobSheet.addSheet('LeadTracker', [HEADER, ['B1', 'Bob lead', 'b1@example.com', 'NEW', 'Web', '']]);
    const bobDocument = world.gas.addDocument(bobSheet);
    bobDocument.properties.set('TRELLO_KEY', bobWorkspace.key);
    bobDocument.properties.set('TRELLO_TOKEN', bobWorkspace.token);
    bobDocument.properties.set('TRELLO_BOARD_ID', bobWorkspace.board.id);
    const bob = world.gas.as(BOB, bobSheet);
    expect(bob.run('syncNow').error).toBeUndefined();
    register(world, bob);
    world.deliver();
    bob.run('pollChanges');
    expect(bobDocument.properties.get('WEBHOOK_SECRET')).not.toBe(world.settingsStore().get('WEBHOOK_SECRET'));

    moveToDone(world, 'L1');
    const bobCard = String(bobSheet.sheet('LeadTracker')?.values()[1][5]);
    world.trello.personMovesCard({ memberId: bobWorkspace.member.id, cardId: bobCard, listId: bobWorkspace.lists.DONE.id });
    world.deliver();

    const alicePoll = alice.run<LiveChanges>('pollChanges');
    expect(alicePoll.returnValue?.synced?.changedCells).toBe(1);
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(bobSheet.sheet('LeadTracker')?.values()[1][3]).toBe('NEW');
    const bobPoll = bob.run<LiveChanges>('pollChanges');
    expect(bobPoll.returnValue?.synced?.changedCells).toBe(1);
    expect(bobSheet.sheet('LeadTracker')?.values()[1][3]).toBe('COMPLETED');
    // Nothing of the other's was left for either.
    expect(alice.run<LiveChanges>('pollChanges').returnValue?.synced).toBeNull();
    expect(bob.run<LiveChanges>('pollChanges').returnValue?.synced).toBeNull();
  });

  it('lets a flood of forged hints cost one cache write each and change nothing', () => {
    const { world, alice } = addOnWorld();
    const sheetBefore = world.sheetValues();
    const boardBefore = world.cards().map((card) => [card.id, card.idList, card.name]);
    const requestsBefore = world.requestCount();
    const target = String(world.lead('L2')?.trello_card_id);
    const forge = (relay: string, cardId: string) =>
      world.gas.webApp.handle({
        method: 'POST',
        url: `${WEB_APP_URL}?relay=${relay}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: { id: world.workspace.board.id },
          action: { id: randomBytes(12).toString('hex'), type: 'updateCard', date: new Date(world.clock.now()).toISOString(), data: { card: { id: cardId }, listAfter: { id: world.listId('DONE') }, old: { idList: world.listId('TODO') } } },
        }),
      });
    const before = world.gas.executions.length;
    for (let i = 0; i < 300; i++) forge(randomBytes(32).toString('hex'), target);
    for (let i = 0; i < 20; i++) forge('short', target);
    const flood = world.gas.executions.slice(before);
    expect(flood).toHaveLength(320);
    const total = (key: 'cacheCalls' | 'propertiesReads' | 'propertiesWrites' | 'spreadsheetCalls' | 'urlFetchRequests') => flood.reduce((sum, run) => sum + run.counters[key], 0);
    expect([total('cacheCalls'), total('propertiesReads'), total('propertiesWrites'), total('spreadsheetCalls'), total('urlFetchRequests')]).toEqual([300, 0, 0, 0, 0]);

    // Even someone who knew this sheet's secret fills at most its 20 slots, and every hint is re-read from Trello.
    const secret = String(world.settingsStore().get('WEBHOOK_SECRET'));
    for (let i = 0; i < 60; i++) forge(secret, randomBytes(12).toString('hex'));
    forge(secret, target);
    const poll = alice.run<LiveChanges>('pollChanges');
    expect(poll.error).toBeUndefined();
    expect(poll.counters.urlFetchRequests).toBeLessThanOrEqual(2);
    expect(world.sheetValues()).toEqual(sheetBefore);
    expect(world.cards().map((card) => [card.id, card.idList, card.name])).toEqual(boardBefore);
    expect(world.requestCount() - requestsBefore).toBe(poll.counters.urlFetchRequests);
  });
});

describe('a bound script', () => {
  it('brings a move within seconds through its webhook, and its sidebar polls nothing', () => {
    const world = linkedWorld(3, { webApp: true });
    world.run('syncNow');
    world.registerWebhook();
    world.deliver();
    const [, movedAt] = moveToDone(world, 'L1');
    world.gas.advanceTime(1000);
    const [post] = world.deliver();
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(post.endedAt - movedAt).toBeLessThanOrEqual(3000);
    const poll = world.run<LiveChanges>('pollChanges');
    expect(poll.returnValue).toEqual({ source: 'webhook', synced: null, progress: null });
    expect(poll.counters.urlFetchRequests).toBe(0);
  });

  it('says it is not connected, and asks Trello nothing, before key, token and board are entered', () => {
    const world = new SyncWorld({ connect: false });
    const poll = world.run<LiveChanges>('pollChanges');
    expect(poll.returnValue).toEqual({ source: 'not connected', synced: null, progress: null });
    expect(poll.counters.urlFetchRequests).toBe(0);
  });

  it("without a webhook, brings a move within seconds while the sidebar is open, by one read of the board's actions", () => {
    const world = linkedWorld(3);
    world.run('syncNow');
    world.run('pollChanges');
    const quiet = world.run<LiveChanges>('pollChanges');
    expect(quiet.returnValue).toEqual({ source: 'board actions', synced: null, progress: null });
    expect(quiet.counters).toMatchObject({ urlFetchRequests: 1, spreadsheetCalls: 0, propertiesWrites: 0 });
    const [, movedAt] = moveToDone(world, 'L1');
    const latency = pollUntil(world, { run: (name, event) => world.run(name, event) }, () => world.lead('L1')?.status === 'COMPLETED', movedAt);
    expect(latency).toBeLessThanOrEqual(POLL_INTERVAL_MS + 2000);
    // The poll's own cursor moved past the move: the next poll finds nothing.
    expect(world.run<LiveChanges>('pollChanges').returnValue?.synced).toBeNull();
  });
});
