// Edits and deliveries read only their rows, found by id: they stay right when people sort, insert and delete rows,
// fall back to the whole tabs when a row is in doubt, and a person's change is never taken for the add-on's echo.
import type { HttpRequest } from '../../emulator/http';
import { describeLead } from '../../src/core/card-description';
import { linkedWorld, type SyncWorld } from './sync-world';

/**
 * A world of 30 linked leads (L1…L30) with the edit trigger and the webhook set up, synced; edits and deliveries read
 * only their rows, as in a large sheet.
 */
function syncedWorld(): SyncWorld {
  const world = linkedWorld(30, { webApp: true });
  world.settingsStore().set('READ_ROWS_FROM', '0');
  world.run('installTriggers');
  world.registerWebhook();
  world.run('onSchedule', {}, { hasUi: false });
  world.deliver();
  return world;
}

/** The row a lead's id is in now. */
function rowOf(world: SyncWorld, id: string): number {
  return world.sheetValues().findIndex((row) => row[0] === id) + 1;
}

/** Sends one delivery to the web app and answers the word doPost replied. */
function send(world: SyncWorld, request: HttpRequest): string {
  const redirect = world.gas.webApp.handle(request);
  const reply = world.gas.webApp.handle({ method: 'GET', url: String(redirect.headers.location), headers: {}, body: '' });
  return (JSON.parse(reply.body) as { status: string }).status;
}

describe('edits and deliveries find their rows by id', () => {
  it('an edit after rows were sorted, inserted and deleted updates the edited lead’s card, and only it', () => {
    const world = syncedWorld();
    world.leads.sortAsUser(2, false, 1); // by name, descending
    world.leads.insertRowsAsUser(3, 2);
    world.leads.deleteRowsAsUser(rowOf(world, 'L4'), 1);
    const lists = new Map(world.cards().map((card) => [card.id, card.idList]));
    const [edit] = world.gas.userEdit('LeadTracker', `D${rowOf(world, 'L9')}`, [['CONTACTED']]); // was COMPLETED
    expect(edit.error).toBeUndefined();
    expect(edit.counters.cellsMoved).toBeLessThan(200);
    const moved = world.cards().filter((card) => lists.get(card.id) !== card.idList);
    expect(moved.map((card) => card.id)).toEqual([world.cardOf('L9')!.id]);
    expect(world.listNameOf(world.cardOf('L9'))).toBe('IN_PROGRESS');
  });

  it('a delivery after a sort writes the status into the row its card is linked to now', () => {
    const world = syncedWorld();
    world.person.moves(world.cardOf('L7')!.id, 'TODO'); // was QUALIFIED
    world.leads.sortAsUser(1, false, 1);
    const before = world.sheetValues();
    const [move] = world.deliver();
    expect(move.counters.cellsMoved).toBeLessThan(200);
    expect(world.lead('L7')?.status).toBe('NEW');
    const changed = world.sheetValues().filter((row, index) => JSON.stringify(row) !== JSON.stringify(before[index]));
    expect(changed.map((row) => row[0])).toEqual(['L7']);
  });

  it('an edit of a lead whose id another row repeats reads the whole tab, syncs nothing and flags the edited row', () => {
    const world = syncedWorld();
    const row = rowOf(world, 'L11');
    world.leads.typeAsUser(rowOf(world, 'L12'), 1, [['L11']]);
    const card = world.cardOf('L11')!;
    const [edit] = world.gas.userEdit('LeadTracker', `D${row}`, [['LOST']]); // was NEW
    expect(edit.error).toBeUndefined();
    expect(edit.counters.cellsMoved).toBeGreaterThan(30 * 6);
    expect(world.trello.card(card.id)?.idList).toBe(card.idList);
    expect(world.leads.cell(row, 1).note).toContain('is used by rows');
  });

  it('a status flagged at the edit and fixed at the next costs at most 4 Sheets data calls each, while other rows are flagged too', () => {
    const world = syncedWorld();
    world.gas.userEdit('LeadTracker', `D${rowOf(world, 'L2')}`, [['MAYBE']]);
    const row = rowOf(world, 'L5');
    const [flag] = world.gas.userEdit('LeadTracker', `D${row}`, [['WON']]);
    expect(world.leads.cell(row, 4).note).toContain('Unknown status "WON"');
    const [fix] = world.gas.userEdit('LeadTracker', `D${row}`, [['CONTACTED']]); // was LOST
    expect(world.leads.cell(row, 4).note).toBe('');
    expect(world.listNameOf(world.cardOf('L5'))).toBe('IN_PROGRESS');
    expect(world.leads.cell(rowOf(world, 'L2'), 4).note).toContain('Unknown status "MAYBE"');
    for (const run of [flag, fix]) expect(run.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
  });

  it('a new lead typed in its row gets its card from an edit that reads only that row', () => {
    const world = syncedWorld();
    world.gas.userEdit('LeadTracker', 'A32', [['L99']]);
    expect(world.cardOf('L99')).toBeUndefined(); // waits for a name
    const [named] = world.gas.userEdit('LeadTracker', 'B32', [['Nia']]);
    expect(world.cardOf('L99')?.name).toBe('Nia');
    expect(named.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
    expect(named.counters.cellsMoved).toBeLessThan(100);
  });

  it('a new lead does not adopt a card carrying its marker that another row is linked to', () => {
    const world = syncedWorld();
    const marked = world.trello.personCreatesCard({ memberId: world.workspace.member.id, listId: world.listId('TODO'), name: 'Nia', desc: describeLead('', { id: 'L99', email: '', source: '' }) });
    world.leads.typeAsUser(rowOf(world, 'L7'), 6, [[marked.id]]);
    world.gas.userEdit('LeadTracker', 'A32:D32', [['L99', 'Nia', '', 'NEW']]);
    expect(world.lead('L99')?.trello_card_id).toMatch(/^[0-9a-f]{24}$/);
    expect(world.lead('L99')?.trello_card_id).not.toBe(marked.id);
  });

  it('the echo of the add-on’s own rename costs one Sheets call; a person’s rename of the same card right after is synced', () => {
    const world = syncedWorld();
    world.gas.userEdit('LeadTracker', `B${rowOf(world, 'L3')}`, [['Ada']]);
    const card = world.cardOf('L3')!.id;
    expect(world.trello.card(card)?.name).toBe('Ada');
    world.person.renames(card, 'Bob');
    const [echo, person] = world.trello.takeDeliveries();
    expect(send(world, echo)).toBe('echo');
    const echoRun = world.gas.executions[world.gas.executions.length - 1];
    expect(echoRun.counters.spreadsheetCalls + echoRun.counters.sheetsDataCalls).toBeLessThanOrEqual(1);
    expect(send(world, person)).toBe('ok');
    expect(world.lead('L3')?.name).toBe('Bob');
  });

  it('a person’s rename that repeats the add-on’s own change exactly is synced once that change’s echo was used up', () => {
    const world = syncedWorld();
    world.gas.userEdit('LeadTracker', `B${rowOf(world, 'L3')}`, [['Ada']]);
    const card = world.cardOf('L3')!.id;
    const [echo] = world.trello.takeDeliveries();
    expect(send(world, echo)).toBe('echo');
    world.person.renames(card, 'Lead 3');
    world.trello.takeDeliveries(); // never delivered: the sheet still says Ada
    world.person.renames(card, 'Ada'); // Lead 3 → Ada, as the add-on's own change was
    const [same] = world.trello.takeDeliveries();
    expect(send(world, same)).toBe('ok');
  });

  it('when the person’s rename is delivered first, the add-on’s later echo goes down the normal path, and the person’s name stays', () => {
    const world = syncedWorld();
    world.gas.userEdit('LeadTracker', `B${rowOf(world, 'L3')}`, [['Ada']]);
    world.person.renames(world.cardOf('L3')!.id, 'Bob');
    const [echo, person] = world.trello.takeDeliveries();
    expect(send(world, person)).toBe('ok');
    expect(send(world, echo)).toBe('ok');
    expect(world.lead('L3')?.name).toBe('Bob');
  });
});
