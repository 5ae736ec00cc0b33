// A new user's view: summaries that tell the truth, a problem shown the moment a row is edited (on the cell that has
// it), rows still being filled in, and formula errors that never reach Trello.
import type { SidebarState } from '../../src/app/sidebar-types';
import { FLAG_PREFIX } from '../../src/core/row-problem';
import { sampleRows, SyncWorld } from './sync-world';

type Summary = { ok: boolean; message: string; status?: { inSync: boolean; rowsNeedingAttention: number } };
const ID = 1;
const NAME = 2;
const STATUS = 4;
const CARD_ID = 6;

/** A synced world of `rows` leads with triggers installed. */
function syncedWorld(rows = 3): SyncWorld {
  const world = new SyncWorld({ rows: sampleRows(rows, ['NEW']) });
  world.run('installTriggers');
  world.run('syncNow');
  return world;
}

function health(world: SyncWorld): { status: { inSync: boolean; rowsNeedingAttention: number; changesWaiting: number; text: string } } {
  const output = world.run<{ getContent(): string }>('doGet', { parameter: {} }, { hasUi: false }).returnValue!;
  return JSON.parse(output.getContent());
}

const noteAt = (world: SyncWorld, row: number, column: number) => world.leads.cell(row, column).note;
const lastToast = (world: SyncWorld) => world.gas.ui.toasts.at(-1)?.message ?? '';

describe('truthful summaries', () => {
  it('never says "in sync" while rows are flagged, and counts every flagged row, in the toast, the sidebar and doGet', () => {
    const world = new SyncWorld({
      rows: [
        ['L1', 'Ada', 'a@example.com', 'NEW', 'Web', ''],
        ['L2', 'Bo', 'b@example.com', 'WON', 'Web', ''],
        ['', 'No id', 'x@example.com', 'NEW', 'Web', ''],
        ['L4', 'Di', 'd@example.com', 'MAYBE', 'Web', ''],
      ],
    });
    world.run('syncNow');
    const again = world.run<Summary>('syncNow').returnValue!;
    expect(again.message).not.toContain('Everything is in sync');
    expect(again.message).toContain('3 row(s) need attention');
    expect(lastToast(world)).toBe(again.message);
    expect(health(world).status).toMatchObject({ inSync: false, rowsNeedingAttention: 3 });
    expect(world.run<SidebarState>('getSidebarState').returnValue!.status).toMatchObject({ inSync: false, headline: '3 row(s) need attention' });

    // One more bad row: the count is of every flagged row, not of those flagged by this run.
    world.leads.typeAsUser(2, STATUS, [['LATER']]);
    expect(world.run<Summary>('syncNow').returnValue!.message).toContain('4 row(s) need attention');

    for (const [row, column, value] of [[2, STATUS, 'NEW'], [3, STATUS, 'CONTACTED'], [4, ID, 'L3'], [5, STATUS, 'LOST']] as const) world.leads.typeAsUser(row, column, [[value]]);
    const fixed = world.run<Summary>('syncNow').returnValue!;
    expect(fixed.message).toContain('Everything is in sync.');
    expect(health(world).status).toMatchObject({ inSync: true, rowsNeedingAttention: 0, changesWaiting: 0 });
  });

  it('writes where the sync stands to the Sync Log when it changes, once', () => {
    const world = syncedWorld();
    const statusLines = () => (world.spreadsheet.sheet('Sync Log')?.values() ?? []).map((line) => String(line[3])).filter((text) => text.startsWith('Status: '));
    world.leads.typeAsUser(2, STATUS, [['WON']]);
    world.run('syncNow');
    world.run('syncNow');
    expect(statusLines()).toEqual(['Status: 1 row(s) need attention and are not synced: see the notes on the sheet.']);
    world.leads.typeAsUser(2, STATUS, [['NEW']]);
    world.run('syncNow');
    expect(statusLines()).toEqual(['Status: 1 row(s) need attention and are not synced: see the notes on the sheet.', 'Status: Everything is in sync.']);
  });

  it('does not count the edits of a flagged row as changes waiting for a run', () => {
    const world = syncedWorld();
    world.gas.userEdit('LeadTracker', 'D2', [['WON']]);
    const { status } = health(world);
    expect(status).toMatchObject({ rowsNeedingAttention: 1, changesWaiting: 0 });
    expect(status.text).not.toContain('wait');
  });
});

describe('feedback at the edit', () => {
  it('flags an unknown status on its cell with a toast, and clears it when fixed, within the edit budget', () => {
    const world = syncedWorld();
    const [flag] = world.gas.userEdit('LeadTracker', 'D3', [['WON']]);
    expect(flag.error).toBeUndefined();
    expect(noteAt(world, 3, STATUS)).toBe(`${FLAG_PREFIX}Unknown status "WON"; use one of NEW, CONTACTED, QUALIFIED, COMPLETED, LOST.`);
    expect(noteAt(world, 3, CARD_ID)).toBe('');
    expect(lastToast(world)).toContain('Row 3: Unknown status "WON"');
    expect(flag.counters.sheetsDataCalls).toBeLessThanOrEqual(4);

    const toasts = world.gas.ui.toasts.length;
    const [fix] = world.gas.userEdit('LeadTracker', 'D3', [['CONTACTED']]);
    expect(noteAt(world, 3, STATUS)).toBe('');
    expect(world.listNameOf(world.cardOf('L2'))).toBe('IN_PROGRESS');
    expect(world.gas.ui.toasts.length).toBe(toasts); // no problem, no toast
    expect(fix.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
    expect(health(world).status.inSync).toBe(true);
  });

  it('flags a duplicate id and a name too long for Trello at once, and drops the "no id" note once an id is typed', () => {
    const world = syncedWorld();
    world.gas.userEdit('LeadTracker', 'A3', [['L1']]);
    expect(noteAt(world, 3, ID)).toContain('"L1" is used by rows 2, 3');
    world.gas.userEdit('LeadTracker', 'B4', [['N'.repeat(20_000)]]);
    expect(noteAt(world, 4, NAME)).toContain(FLAG_PREFIX);
    expect(world.cardOf('L3')?.name).toBe('Lead 3');

    world.gas.userEdit('LeadTracker', 'B5', [['Eve']]);
    expect(noteAt(world, 5, ID)).toBe(`${FLAG_PREFIX}This row has no id, so it is not synced. Give it a unique id.`);
    world.gas.userEdit('LeadTracker', 'A5', [['L9']]);
    expect(noteAt(world, 5, ID)).toBe('');
    expect(world.cardOf('L9')?.name).toBe('Eve');
  });

  it('lets a person dismiss a recent error from the sidebar', () => {
    const world = syncedWorld(1);
    const card = world.cardOf('L1')!;
    world.trello.personEditsDescription({ memberId: world.workspace.member.id, cardId: card.id, desc: `${'n'.repeat(16_200)}\n\n${card.desc}` });
    world.gas.userEdit('LeadTracker', 'E2', [['x'.repeat(100)]]);
    const [error] = world.run<SidebarState>('getSidebarState').returnValue!.recentErrors;
    expect(error.message).toContain('400 invalid value for desc');
    expect(world.run<{ ok: boolean }>('dismissError', error).returnValue).toEqual({ ok: true, message: 'Error dismissed.' });
    expect(world.run<SidebarState>('getSidebarState').returnValue!.recentErrors).toEqual([]);
  });
});

describe('rows being filled in', () => {
  it('creates no card for an id typed alone: the name cell says the row waits, and the card comes with the name', () => {
    const world = syncedWorld();
    world.gas.userEdit('LeadTracker', 'A5', [['L4']]);
    expect(world.cards()).toHaveLength(3);
    expect(noteAt(world, 5, NAME)).toBe(`${FLAG_PREFIX}This new lead waits for a name: type one and its Trello card is created.`);
    const [named] = world.gas.userEdit('LeadTracker', 'B5', [['Dora']]);
    expect(world.cardOf('L4')?.name).toBe('Dora');
    expect(noteAt(world, 5, NAME)).toBe('');
    expect(named.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
    expect(world.cards().map((card) => card.name)).not.toContain('L4');
  });

  it('keeps the card where it is when a status is blanked, and fills the status from its list', () => {
    const world = syncedWorld();
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    world.gas.userEdit('LeadTracker', 'D2', [['']]);
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.lead('L1')?.status).toBe('COMPLETED');
  });

  it('flags a blank status instead when the sidebar\'s switch says so (BLANK_STATUS = FLAG)', () => {
    const world = syncedWorld();
    expect(world.run<{ ok: boolean }>('saveSettings', { blankStatus: 'FLAG' }).returnValue).toMatchObject({ ok: true });
    expect(world.settingsStore().get('BLANK_STATUS')).toBe('FLAG');
    expect(world.run<SidebarState>('getSidebarState').returnValue!.blankStatus).toBe('FLAG');
    world.gas.userEdit('LeadTracker', 'D2', [['']]);
    expect(world.listNameOf(world.cardOf('L1'))).toBe('TODO');
    expect(world.lead('L1')?.status).toBe('');
    expect(noteAt(world, 2, STATUS)).toContain('The status is blank: choose one.');
  });
});

describe('formula error values', () => {
  it('never sends an error value to Trello: the cell is flagged, and the card keeps its name', () => {
    const world = syncedWorld();
    const before = world.requestCount();
    world.gas.userEdit('LeadTracker', 'B2', [['=VLOOKUP(A2, Contacts!A:B, 2)']]);
    expect(world.lead('L1')?.name).toBe('#NAME?');
    expect(world.trello.requests.slice(before).filter((request) => request.method !== 'GET')).toEqual([]);
    expect(world.cardOf('L1')?.name).toBe('Lead 1');
    expect(noteAt(world, 2, NAME)).toContain('This cell shows #NAME?');
    world.run('syncNow');
    expect(world.cardOf('L1')?.name).toBe('Lead 1');
    expect(noteAt(world, 2, NAME)).toContain('This cell shows #NAME?');
  });
});
