// The conflict rule's times on the built bundle: each synced field keeps its own sheet edit time, and a board change
// keeps its time when its step was deferred or its card could not be read.
import { syncedFiveLeads, SyncWorld } from './sync-world';

interface Summary {
  conflicts: number;
  deferred: number;
  finished: boolean;
}

/** Edits made while another run holds the lock: the edit trigger can only record their times. */
function editWhileBusy(world: SyncWorld, edits: [a1: string, values: unknown[][]][]): void {
  const release = world.gas.holdScriptLock();
  for (const [a1, values] of edits) world.gas.userEdit('LeadTracker', a1, values);
  release();
}

/** The Sync Log's conflict lines about a lead. */
function conflictLines(world: SyncWorld, leadId: string): unknown[][] {
  return (world.spreadsheet.sheet('Sync Log')?.values() ?? []).filter((line) => line[1] === 'conflict' && line[2] === leadId);
}

/** L1's status edited to CONTACTED while the lock was busy, then, 5 s later, its card moved to DONE on the board. */
function statusEditThenNewerBoardMove(world: SyncWorld): void {
  editWhileBusy(world, [['D2', [['CONTACTED']]]]);
  world.clock.advance(5_000);
  world.person.moves(world.cardOf('L1')!.id, 'DONE');
  world.clock.advance(5_000);
}

describe('sheet edit times are kept per synced field', () => {
  it('lets a board move beat an older status edit although the email was edited after the move (the edit run)', () => {
    const world = syncedFiveLeads({ triggers: true });
    statusEditThenNewerBoardMove(world);
    world.gas.userEdit('LeadTracker', 'C2', [['lead1@new.example.com']]); // syncs L1 at once
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.cardOf('L1')?.desc).toContain('lead1@new.example.com');
    world.run('syncNow'); // writes the queued log of the edit run
    expect(conflictLines(world, 'L1')).toHaveLength(1);
    expect(world.storedKeys('EDITED_AT:L1#')).toEqual([]);
  });

  it('records no time for an edit of a column that is not synced, so the next run still lets the newer board move win', () => {
    const world = syncedFiveLeads({ triggers: true });
    statusEditThenNewerBoardMove(world);
    world.gas.userEdit('LeadTracker', 'G1', [['notes']]); // a header cell: no lead edited
    editWhileBusy(world, [
      ['G2', [['call back on Tuesday']]],
      ['C2', [['lead1@new.example.com']]],
    ]);
    expect(world.storedKeys('EDITED_AT:L1#')).toHaveLength(1); // the status edit's only
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(conflictLines(world, 'L1')).toHaveLength(1);
  });

  it('records every synced field a paste over several columns touched', () => {
    const world = syncedFiveLeads({ triggers: true });
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.person.renames(world.cardOf('L1')!.id, 'Renamed on the board');
    world.clock.advance(5_000);
    editWhileBusy(world, [['B2', [['Renamed in the sheet', 'lead1@new.example.com', 'CONTACTED']]]]);
    expect(world.storedKeys('EDITED_AT:L1#').sort()).toEqual([expect.stringMatching(/^EDITED_AT:L1#name#[\d.]+$/), expect.stringMatching(/^EDITED_AT:L1#status#[\d.]+$/)]);
    world.run('syncNow');
    expect(world.lead('L1')).toMatchObject({ status: 'CONTACTED', name: 'Renamed in the sheet' });
    expect(world.cardOf('L1')?.name).toBe('Renamed in the sheet');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('IN_PROGRESS');
    expect(conflictLines(world, 'L1')).toHaveLength(2);
  });

  it('takes both sides changed to agreeing values for no conflict', () => {
    const world = syncedFiveLeads({ triggers: true });
    editWhileBusy(world, [['D2', [['COMPLETED']]]]);
    world.clock.advance(5_000);
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    const summary = world.run<Summary>('syncNow').returnValue as Summary;
    expect(summary.conflicts).toBe(0);
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(conflictLines(world, 'L1')).toEqual([]);
  });
});

describe('a board change keeps its time when its step was deferred', () => {
  const deferrals: [string, (world: SyncWorld) => () => void][] = [
    [
      'the write answered 5xx on every attempt',
      (world) => {
        world.trello.faults.loseNextWriteResponses = 5;
        return () => (world.trello.faults.loseNextWriteResponses = 0);
      },
    ],
    [
      'the run out of time after reading',
      (world) => {
        world.trello.faults.latencyMs = 4.6 * 60 * 1000;
        return () => (world.trello.faults.latencyMs = 0);
      },
    ],
  ];

  it.each(deferrals)('lets the board move win the next run although the actions cursor moved past it (%s)', (_, defer) => {
    const world = syncedFiveLeads({ triggers: true });
    // The status edit conflicts with the move; the rename needs a card write, which is what gets deferred.
    editWhileBusy(world, [
      ['D2', [['CONTACTED']]],
      ['B2', [['Lead 1 renamed']]],
    ]);
    world.clock.advance(5_000);
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.clock.advance(5_000);
    const restore = defer(world);
    const deferred = world.run<Summary>('onSchedule', {}, { hasUi: false }).returnValue as Summary;
    restore();
    expect(deferred).toMatchObject({ finished: false, deferred: 1 });
    expect(world.lead('L1')?.status).toBe('CONTACTED');
    world.clock.advance(60_000);
    const before = world.trello.requests.length;
    world.run('onSchedule', {}, { hasUi: false });
    expect(world.lead('L1')).toMatchObject({ status: 'COMPLETED', name: 'Lead 1 renamed' });
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.cardOf('L1')?.name).toBe('Lead 1 renamed');
    expect(conflictLines(world, 'L1')).toHaveLength(1);
    // The board read, one batched re-read of the conflicting card's own actions, and the rename at most.
    const requests = world.trello.requests.slice(before);
    const rereads = requests.filter((request) => request.url.includes('/batch') && request.url.includes('actions%3DupdateCard'));
    expect(rereads).toHaveLength(1);
    expect(decodeURIComponent(rereads[0].url)).toContain(world.cardOf('L1')!.id);
    expect(decodeURIComponent(rereads[0].url)).not.toContain(world.cardOf('L2')!.id);
    expect(requests.length).toBeLessThanOrEqual(3);
  });

  it("leaves the lead for a later run, overwriting neither side, when the card's actions cannot be re-read", () => {
    const world = syncedFiveLeads({ triggers: true });
    statusEditThenNewerBoardMove(world);
    world.trello.faults.loseNextWriteResponses = 5;
    editWhileBusy(world, [['B2', [['Lead 1 renamed']]]]);
    world.run('onSchedule', {}, { hasUi: false }); // the rename is deferred, the cursor moves past the move
    world.trello.faults.loseNextWriteResponses = 0;
    world.trello.faults.latencyMs = 4.6 * 60 * 1000; // the board read leaves no time for the re-read
    const waiting = world.run<Summary>('onSchedule', {}, { hasUi: false }).returnValue as Summary;
    world.trello.faults.latencyMs = 0;
    expect(waiting).toMatchObject({ finished: false, conflicts: 0 });
    expect(world.lead('L1')?.status).toBe('CONTACTED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    world.run('onSchedule', {}, { hasUi: false });
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
  });
});

describe('a card that could not be read', () => {
  it("leaves its lead unsettled: the edit's time stays, and a later board move wins", () => {
    const world = syncedFiveLeads({ triggers: true });
    world.trello.faults.failNext5xx = 5; // every attempt of the edit run's card read
    world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]);
    world.trello.faults.failNext5xx = 0;
    expect(world.listNameOf(world.cardOf('L1'))).toBe('TODO');
    expect(world.storedKeys('EDITED_AT:L1#')).toHaveLength(1);
    world.clock.advance(5_000);
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(conflictLines(world, 'L1')).toHaveLength(1);
    expect(world.storedKeys('EDITED_AT:L1#')).toEqual([]);
  });

  it('the reverse: a sheet edit newer than the board move still wins once the card is read', () => {
    const world = syncedFiveLeads({ triggers: true });
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.clock.advance(5_000);
    world.trello.faults.failNext5xx = 5;
    world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]);
    world.trello.faults.failNext5xx = 0;
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('CONTACTED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('IN_PROGRESS');
    expect(conflictLines(world, 'L1')).toHaveLength(1);
  });
});
