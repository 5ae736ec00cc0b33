// Sheet → Trello on the built bundle: first sync, reruns, edits, formula/API edits, sorted and inserted rows.
import { sampleRows, SyncWorld } from './sync-world';

const STATUS_LIST: Record<string, string> = { NEW: 'TODO', CONTACTED: 'IN_PROGRESS', QUALIFIED: 'IN_PROGRESS', COMPLETED: 'DONE', LOST: 'DONE' };

describe('Sheet → Trello', () => {
  it('creates one card per lead of mixed statuses, in the mapped lists, with the card id written back', () => {
    const world = new SyncWorld({ rows: sampleRows(10) });
    const result = world.run<{ created: number; ok: boolean }>('syncNow');
    expect(result.returnValue).toMatchObject({ ok: true, created: 10 });
    expect(world.cards()).toHaveLength(10);
    for (let n = 1; n <= 10; n++) {
      const lead = world.lead(`L${n}`);
      const card = world.cardOf(`L${n}`);
      expect(card?.name).toBe(`Lead ${n}`);
      expect(world.listNameOf(card)).toBe(STATUS_LIST[String(lead?.status)]);
      expect(card?.desc).toContain(`lead${n}@example.com`);
      expect(card?.desc).toContain(`L${n}`);
    }
  });

  it('fills a blank status with NEW and puts the card in TODO', () => {
    const world = new SyncWorld({ rows: [['L1', 'Ada', 'ada@example.com', '', 'Web', '']] });
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('NEW');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('TODO');
  });

  it('writes nothing on a rerun when nothing changed', () => {
    const world = new SyncWorld({ rows: sampleRows(20) });
    world.run('syncNow');
    const before = world.requestCount();
    const rerun = world.run('syncNow');
    const writes = world.trello.requests.slice(before).filter((request) => request.method !== 'GET');
    expect(writes).toEqual([]);
    expect(rerun.returnValue).toMatchObject({ created: 0, updatedCards: 0, changedCells: 0 });
  });

  it('moves one card from the edit trigger, with one Trello write', () => {
    const world = new SyncWorld({ rows: sampleRows(5) });
    world.run('installTriggers');
    world.run('syncNow');
    const before = world.trello.requests.length;
    const [edit] = world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]);
    expect(edit.error).toBeUndefined();
    expect(world.listNameOf(world.cardOf('L1'))).toBe('IN_PROGRESS');
    const sent = world.trello.requests.slice(before);
    expect(sent.filter((request) => request.method === 'PUT')).toHaveLength(1);
    expect(sent.length).toBeLessThanOrEqual(2);
    expect(edit.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
  });

  it('catches an edit made by a script or formula (no trigger) at the scheduled run', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    world.run('installTriggers');
    world.run('syncNow');
    world.leads.typeAsUser(3, 4, [['COMPLETED']]); // L2, written without firing a trigger, as a script or import does
    expect(world.listNameOf(world.cardOf('L2'))).toBe('IN_PROGRESS');
    const runs = world.gas.advanceTime(61_000);
    expect(runs.map((run) => run.functionName)).toContain('onSchedule');
    expect(runs.every((run) => run.error === undefined)).toBe(true);
    expect(world.listNameOf(world.cardOf('L2'))).toBe('DONE');
  });

  it('renames the card and rewrites its description block when the name or email change', () => {
    const world = new SyncWorld({ rows: sampleRows(1) });
    world.run('syncNow');
    world.leads.typeAsUser(2, 2, [['Lead One Renamed', 'new@example.com']]);
    world.run('syncNow');
    const card = world.cardOf('L1');
    expect(card?.name).toBe('Lead One Renamed');
    expect(card?.desc).toContain('new@example.com');
    expect(card?.desc).not.toContain('lead1@example.com');
  });

  it('keeps text a person wrote in the card description', () => {
    const world = new SyncWorld({ rows: sampleRows(1) });
    world.run('syncNow');
    const card = world.cardOf('L1');
    world.trello.personEditsDescription({ memberId: world.workspace.member.id, cardId: card!.id, desc: `Call after 5pm\n\n${card!.desc}` });
    world.leads.typeAsUser(2, 5, [['Referral']]);
    world.run('syncNow');
    expect(world.cardOf('L1')?.desc).toContain('Call after 5pm');
    expect(world.cardOf('L1')?.desc).toContain('Source: Referral');
  });

  it('creates nothing new after rows are sorted or inserted', () => {
    const world = new SyncWorld({ rows: sampleRows(6) });
    world.run('syncNow');
    world.leads.sortAsUser(2, false, 1);
    world.leads.insertRowsAsUser(3, 2);
    const result = world.run('syncNow');
    expect(result.returnValue).toMatchObject({ created: 0, updatedCards: 0 });
    expect(world.cards()).toHaveLength(6);
    for (let n = 1; n <= 6; n++) expect(world.cardOf(`L${n}`)?.name).toBe(`Lead ${n}`);
  });

  it('adopts the card of a lead whose id cell was cleared instead of making another', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.run('syncNow');
    const cardId = world.lead('L1')?.trello_card_id;
    world.leads.typeAsUser(2, 6, [['']]);
    world.run('syncNow');
    expect(world.lead('L1')?.trello_card_id).toBe(cardId);
    expect(world.cards()).toHaveLength(2);
  });

  it('never lets text from the sheet become a formula in the card id or status cells', () => {
    const world = new SyncWorld({ rows: [['L1', "'=1+1", 'a@example.com', 'NEW', "'+Web", '']] });
    world.run('syncNow');
    expect(world.cards()[0].name).toBe('=1+1');
    const cell = world.leads.cell(2, 6);
    expect(cell.formula).toBe('');
    expect(cell.value).toBe(world.cards()[0].id);
  });
});

describe('Sheet → Trello from the edit trigger', () => {
  it('syncs every row of a paste, and only those', () => {
    const world = new SyncWorld({ rows: sampleRows(6) });
    world.run('installTriggers');
    world.run('syncNow');
    const before = world.trello.requests.length;
    const [paste] = world.gas.userEdit('LeadTracker', 'D3', [['LOST'], ['LOST'], ['NEW']]);
    expect(paste.error).toBeUndefined();
    expect([2, 3, 4].map((n) => world.listNameOf(world.cardOf(`L${n}`)))).toEqual(['DONE', 'DONE', 'TODO']);
    const sent = world.trello.requests.slice(before);
    expect(sent.filter((request) => request.method === 'PUT')).toHaveLength(3);
    expect(paste.counters.sheetsDataCalls).toBeLessThanOrEqual(4);
  });

  it('creates the card of a lead typed in a new row as soon as it has an id', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.run('installTriggers');
    world.run('syncNow');
    world.gas.userEdit('LeadTracker', 'A4', [['L9', 'Nine', 'nine@example.com']]);
    expect(world.lead('L9')?.status).toBe('NEW');
    expect(world.cardOf('L9')?.name).toBe('Nine');
    world.gas.userEdit('LeadTracker', 'D4', [['QUALIFIED']]);
    expect(world.listNameOf(world.cardOf('L9'))).toBe('IN_PROGRESS');
    expect(world.cards()).toHaveLength(3);
  });

  it('ignores edits in other tabs and of the header row', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.spreadsheet.addSheet('Notes', [['anything']]);
    world.run('installTriggers');
    world.run('syncNow');
    const before = world.trello.requests.length;
    const runs = [...world.gas.userEdit('Notes', 'A1', [['x']]), ...world.gas.userEdit('LeadTracker', 'G1', [['comment']])];
    expect(runs.map((run) => [run.error, run.returnValue])).toEqual([
      [undefined, null],
      [undefined, null],
    ]);
    expect(world.trello.requests.length).toBe(before);
  });
});

describe('Sheet → Trello without an active spreadsheet', () => {
  it('opens the spreadsheet by SPREADSHEET_ID from a time-driven run', () => {
    const world = new SyncWorld({ rows: sampleRows(2), bound: false });
    world.settingsStore().set('SPREADSHEET_ID', world.spreadsheet.id);
    const run = world.gas.run<{ ok: boolean; created: number }>('onSchedule', {}, { hasUi: false });
    expect(run.error).toBeUndefined();
    expect(run.returnValue).toMatchObject({ ok: true, created: 2 });
  });

  it('says which setting is missing when there is no spreadsheet to open', () => {
    const world = new SyncWorld({ rows: sampleRows(1), bound: false });
    const run = world.gas.run<{ message: string }>('onSchedule', {}, { hasUi: false });
    expect(run.returnValue?.message).toContain('set SPREADSHEET_ID');
  });
});

describe('the board lists', () => {
  it('creates the mapped lists that are missing, ignores an archived namesake, and keeps a list renamed on the board', () => {
    const world = new SyncWorld({ rows: sampleRows(5) });
    const memberId = world.workspace.member.id;
    world.trello.personArchivesList({ memberId, listId: world.listId('DONE') });
    world.run('syncNow');
    const openLists = () => world.trello.listsOn(world.workspace.board.id).filter((list) => !list.closed);
    expect(openLists().map((list) => list.name)).toEqual(['TODO', 'IN_PROGRESS', 'DONE']);
    const freshDone = openLists().find((list) => list.name === 'DONE')!;
    expect(freshDone.id).not.toBe(world.listId('DONE'));
    expect(world.cardOf('L4')?.idList).toBe(freshDone.id);
    world.trello.personRenamesList({ memberId, listId: world.listId('IN_PROGRESS'), name: 'Working on it' });
    world.leads.typeAsUser(2, 4, [['CONTACTED']]);
    world.run('syncNow');
    expect(world.cardOf('L1')?.idList).toBe(world.listId('IN_PROGRESS'));
    expect(openLists().map((list) => list.name)).toEqual(['TODO', 'Working on it', 'DONE']);
  });
});

describe('the tabs the add-on adds', () => {
  it('adds the Sync Log and the hidden base at the end, leaving the lead tab in front', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.run('syncNow');
    expect(world.spreadsheet.sheets().map((sheet) => [sheet.name, sheet.hidden])).toEqual([
      ['LeadTracker', false],
      ['Trello Sync Base', true],
      ['Sync Log', false],
    ]);
    expect(world.spreadsheet.activeSheet()?.name).toBe('LeadTracker');
  });
});
