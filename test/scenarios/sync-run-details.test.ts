// One sync run's details on the built bundle: which rows a partial run reads, what it takes along from deliveries that
// waited for the lock, and what its summary counts.
import { linkedWorld, syncedFiveLeads, syncedWebhookWorld } from './sync-world';

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
