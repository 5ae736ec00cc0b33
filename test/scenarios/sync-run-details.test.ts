// One sync run's details on the built bundle: which rows a partial run reads, what it takes along from deliveries that
// waited for the lock, and what its summary counts.
import { linkedWorld, SyncWorld, syncedFiveLeads, syncedWebhookWorld } from './sync-world';

interface Summary {
  deferred: number;
  finished: boolean;
  status: { inSync: boolean; text: string };
}

describe('the rows a partial run reads', () => {
  /** 30 linked leads synced with the edit trigger, READ_ROWS_FROM set to `from`; answers the cells an edit of L9 moved. */
  function cellsMovedByAnEdit(from: number): number {
    const world = linkedWorld(30);
    world.settingsStore().set('READ_ROWS_FROM', String(from));
    world.run('installTriggers');
    world.run('onSchedule', {}, { hasUi: false });
    const [edit] = world.gas.userEdit('LeadTracker', 'D10', [['CONTACTED']]); // L9 was COMPLETED
    expect(edit.error).toBeUndefined();
    expect(world.listNameOf(world.cardOf('L9'))).toBe('IN_PROGRESS');
    return edit.counters.cellsMoved;
  }

  it('a lead tab of exactly READ_ROWS_FROM rows, header included, has an edit read only its rows', () => {
    expect(cellsMovedByAnEdit(31)).toBeLessThan(100);
  });

  it('a lead tab one row short of READ_ROWS_FROM has an edit read the whole tab', () => {
    expect(cellsMovedByAnEdit(32)).toBeGreaterThan(31 * 6);
  });

  it('an edit run also syncs the card of a delivery that waited for the lock, though it reads rows one by one', () => {
    const world = syncedWebhookWorld();
    world.settingsStore().set('READ_ROWS_FROM', '0');
    const release = world.gas.holdScriptLock();
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.deliver();
    release();
    expect(world.lead('L1')?.status).toBe('NEW');
    const [edit] = world.gas.userEdit('LeadTracker', 'D3', [['LOST']]);
    expect(edit.error).toBeUndefined();
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.listNameOf(world.cardOf('L2'))).toBe('DONE');
    expect((edit.returnValue as Summary).status.inSync).toBe(true);
  });
});

describe('the summary of a run', () => {
  it('counts an edit whose card could not be read as left for the next run', () => {
    const world = syncedFiveLeads({ triggers: true });
    world.trello.faults.failNext5xx = 5; // every attempt of the edit run's card read
    const [edit] = world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]);
    world.trello.faults.failNext5xx = 0;
    const summary = edit.returnValue as Summary;
    expect(summary).toMatchObject({ deferred: 1, finished: false });
    expect(summary.status.text).toContain('1 left unfinished by the last run');
  });

  it('of a full run that synced the deliveries which waited for the lock says nothing waits', () => {
    const world = syncedWebhookWorld();
    const release = world.gas.holdScriptLock();
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.person.moves(world.cardOf('L2')!.id, 'DONE');
    world.deliver();
    release();
    const summary = world.run<Summary>('syncNow').returnValue as Summary;
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.lead('L2')?.status).toBe('COMPLETED');
    expect(summary.status).toMatchObject({ inSync: true, text: 'Everything is in sync.' });
  });

  it('of an edit run that flags its row changes the status without any error logged', () => {
    const world = syncedFiveLeads({ triggers: true });
    const [edit] = world.gas.userEdit('LeadTracker', 'D2', [['MAYBE']]);
    expect(edit.error).toBeUndefined();
    expect((edit.returnValue as Summary).status.text).toContain('1 row(s) need attention');
    expect(edit.logs.join('\n')).not.toMatch(/could not be written/);
  });
});

describe('stored state a person garbled by hand', () => {
  it('is read as none stored: the run finds the lists again and moves the card', () => {
    const world = syncedFiveLeads();
    world.settingsStore().set('TRELLO_LIST_IDS', '{not json');
    world.settingsStore().set('LAST_SYNC', 'garbled');
    world.gas.userEdit('LeadTracker', 'D2', [['LOST']]); // L1 was NEW
    const run = world.gas.run<Summary>('syncNow');
    expect(run.error).toBeUndefined();
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
  });
});

describe('deliveries of board changes', () => {
  it('a webhook delivery while a row is flagged still syncs its card', () => {
    const world = syncedWebhookWorld();
    const [edit] = world.gas.userEdit('LeadTracker', 'D2', [['MAYBE']]); // not a status: L1's row is flagged
    expect((edit.returnValue as Summary).status.text).toContain('1 row(s) need attention');
    world.person.moves(world.cardOf('L2')!.id, 'DONE');
    const deliveries = world.deliver();
    expect(deliveries.map((delivery) => delivery.error)).toEqual(deliveries.map(() => undefined));
    expect(world.lead('L2')?.status).toBe('COMPLETED');
    expect(world.leads.cell(2, 4).note).not.toBe('');
  });

  it('archiving a linked card is logged when its delivery comes, not only at the next full run', () => {
    const world = syncedWebhookWorld();
    const cardId = world.cardOf('L2')!.id;
    world.person.archives(cardId);
    world.deliver();
    world.clock.advance(60 * 60 * 1000);
    world.run('syncNow'); // writes the delivery run's queued log
    const log = world.spreadsheet.sheet('Sync Log')!.values();
    const archived = log.filter((line) => line[1] === 'Trello → sheet' && line[2] === 'L2' && String(line[3]).includes('archived'));
    const status = log.filter((line) => String(line[3]).startsWith('Status:'));
    expect(archived).toHaveLength(1);
    expect(status).toHaveLength(1);
    expect(String(archived[0][0]) < String(status[0][0])).toBe(true); // an hour before the full run
    expect(world.leads.cell(3, 6).note).toContain('archived');
    expect(world.lead('L2')).toMatchObject({ status: 'CONTACTED', trello_card_id: cardId });
  });
});

describe('edit runs', () => {
  it('an edit of a row whose card was deleted on the board flags the row at once', () => {
    const world = syncedFiveLeads({ triggers: true });
    world.person.deletes(world.cardOf('L2')!.id);
    const [edit] = world.gas.userEdit('LeadTracker', 'B3', [['Lead 2 renamed']]);
    expect(edit.error).toBeUndefined();
    expect(world.leads.cell(3, 6).note).toContain('deleted');
  });

  it('clearing the last lead row of a small sheet does not make the edit run fail', () => {
    const world = syncedFiveLeads({ triggers: true });
    const [edit] = world.gas.userEdit('LeadTracker', 'A6:F6', [['', '', '', '', '', '']]);
    expect(edit.error).toBeUndefined();
    expect((edit.returnValue as Summary).finished).toBe(true);
  });

  it('clearing a lead row leaves no edit waiting for the next run', () => {
    const world = syncedFiveLeads({ triggers: true });
    const [edit] = world.gas.userEdit('LeadTracker', 'A3:F3', [['', '', '', '', '', '']]);
    expect(edit.error).toBeUndefined();
    expect((edit.returnValue as Summary).status.text).not.toMatch(/wait for the next run/);
    expect(world.storedKeys('EDITED_AT:')).toEqual([]);
  });

  it('an edit run on one lead keeps the recorded edit time of another, so a newer board move of that one still wins', () => {
    const world = syncedFiveLeads({ triggers: true });
    const release = world.gas.holdScriptLock();
    world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]); // L1 was NEW: only its time is recorded
    release();
    expect(world.storedKeys('EDITED_AT:L1#')).toHaveLength(1);
    world.clock.advance(5_000);
    world.gas.userEdit('LeadTracker', 'B3', [['Lead 2 renamed']]); // an edit run that reads the whole small sheet
    world.clock.advance(5_000);
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.clock.advance(5_000);
    world.run('syncNow');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.lead('L1')?.status).toBe('COMPLETED');
  });
});

describe('full runs', () => {
  it('a row linked to an archived card with no base record (base tab lost) is flagged and the run goes on', () => {
    const world = linkedWorld(3);
    world.person.archives(world.cardOf('L1')!.id);
    const run = world.gas.run('syncNow');
    expect(run.error).toBeUndefined();
    expect(world.leads.cell(2, 6).note).toContain('archived');
    expect(world.leads.cell(3, 6).note).toBe('');
  });

  it('a blank saved status mapping counts as none: a full run creates the missing default list', () => {
    const world = new SyncWorld({ rows: [['L1', 'Lead 1', 'lead1@example.com', 'COMPLETED', 'Web', '']] });
    world.trello.personRenamesList({ memberId: world.workspace.member.id, listId: world.listId('DONE'), name: 'Finished' });
    world.settingsStore().set('STATUS_MAPPING', '   ');
    const run = world.gas.run('syncNow');
    expect(run.error).toBeUndefined();
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
  });
});
