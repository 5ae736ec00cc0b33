// Caps on what waits in properties (log lines, deliveries, edit times) never lose a change without a trace.
import { sampleRows, SyncWorld } from './sync-world';

/** The Sync Log's "what happened" column. */
function syncLog(world: SyncWorld): string[] {
  return (world.spreadsheet.sheet('Sync Log')?.values() ?? []).slice(1).map((row) => String(row[3]));
}

describe('queue caps', () => {
  it('leaves a trace in the Sync Log when log lines of edits overflow their buffer', () => {
    const world = new SyncWorld({ rows: sampleRows(4) });
    world.run('syncNow');
    world.run('installTriggers');
    const statuses = ['CONTACTED', 'COMPLETED', 'NEW', 'LOST'];
    for (let n = 0; n < 100; n++) world.gas.userEdit('LeadTracker', `D${2 + (n % 4)}`, [[statuses[(n + Math.floor(n / 4)) % statuses.length]]]);
    world.run('onSchedule', {}, { hasUi: false });
    expect(syncLog(world).some((line) => /\d+ earlier Sync Log line\(s\) .* could not be kept/.test(line))).toBe(true);
    expect(world.storedKeys('PENDING_SYNC_LOG')).toEqual([]);
  });

  it('forgets edit times of leads no longer in the sheet at each full run', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    for (let n = 1; n <= 50; n++) world.settingsStore().set(`EDITED_AT:GONE${n}`, String(world.clock.now()));
    world.run('syncNow');
    expect(world.storedKeys('EDITED_AT:')).toEqual([]);
  });

  it('past the cap of edit times, syncs the edit by the next full run and says so', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    world.run('syncNow');
    world.run('installTriggers');
    for (let n = 1; n <= 500; n++) world.settingsStore().set(`EDITED_AT:OLD${n}`, String(world.clock.now()));
    const release = world.gas.holdScriptLock();
    world.gas.userEdit('LeadTracker', 'D2', [['LOST']]);
    release();
    world.run('onSchedule', {}, { hasUi: false });
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(syncLog(world).some((line) => /edit times was full/.test(line))).toBe(true);
    expect(world.storedKeys('EDITED_AT:')).toEqual([]);
    expect(world.storedKeys('FULL_PULL_NEEDED')).toEqual([]);
  });

  it('past the cap of edit times, an edit run that could not reach Trello keeps none of its own, and the next full run syncs the edit and says so', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    world.run('syncNow');
    world.run('installTriggers');
    for (let n = 1; n <= 499; n++) world.settingsStore().set(`EDITED_AT:OLD${n}#status#1000`, '1000');
    world.trello.faults.failNext5xx = 5; // every attempt of the edit run's card read
    const [edit] = world.gas.userEdit('LeadTracker', 'B2:D2', [['Lead One', 'one@example.com', 'LOST']]); // two synced fields
    world.trello.faults.failNext5xx = 0;
    expect(edit.error).toBeUndefined();
    expect(world.storedKeys('EDITED_AT:L1#')).toEqual([]);
    expect((edit.returnValue as { status: { text: string } }).status.text).toContain('499 edit(s) made while another sync was running');
    world.run('onSchedule', {}, { hasUi: false });
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(syncLog(world).some((line) => /edit times was full/.test(line))).toBe(true);
  });

  it('below the cap, an edit run that could not reach Trello adds its edit times to those that wait', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    world.run('syncNow');
    world.run('installTriggers');
    for (let n = 1; n <= 10; n++) world.settingsStore().set(`EDITED_AT:OLD${n}#status#1000`, '1000');
    world.trello.faults.failNext5xx = 5;
    const [edit] = world.gas.userEdit('LeadTracker', 'D2', [['LOST']]);
    world.trello.faults.failNext5xx = 0;
    expect(world.storedKeys('EDITED_AT:L1#')).toHaveLength(1);
    expect((edit.returnValue as { status: { text: string } }).status.text).toContain('11 edit(s) made while another sync was running');
  });

  it('an edit run makes room for the edit times it keeps by first forgetting those of the leads it synced', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    world.run('syncNow');
    world.run('installTriggers');
    for (let n = 1; n <= 499; n++) world.settingsStore().set(`EDITED_AT:OLD${n}#status#1000`, '1000');
    world.settingsStore().set('EDITED_AT:L1#status#1000', '1000');
    const unreachable = world.cardOf('L2')!.id; // its card is read, but cannot be moved
    const handle = world.trello.handle.bind(world.trello);
    world.trello.handle = (request) => (request.method === 'PUT' && request.url.includes(unreachable) ? { status: 503, headers: {}, body: 'Service Unavailable' } : handle(request));
    const [edit] = world.gas.userEdit('LeadTracker', 'D2:D3', [['LOST'], ['LOST']]);
    world.trello.handle = handle;
    expect(edit.error).toBeUndefined();
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.listNameOf(world.cardOf('L2'))).not.toBe('DONE');
    expect(world.storedKeys('EDITED_AT:L1#')).toEqual([]);
    expect(world.storedKeys('EDITED_AT:L2#')).toHaveLength(1);
    expect((edit.returnValue as { status: { text: string } }).status.text).toContain('500 edit(s) made while another sync was running');
    expect(world.storedKeys('FULL_PULL_NEEDED')).toEqual([]);
  });

  it('past the cap of waiting deliveries, keeps a flag the next full run honours and reports', () => {
    const world = new SyncWorld({ rows: sampleRows(3), webApp: true });
    world.run('syncNow');
    world.registerWebhook();
    for (let n = 1; n <= 500; n++) world.settingsStore().set(`CARD_HINT:${String(n).padStart(24, '0')}`, String(world.clock.now()));
    const release = world.gas.holdScriptLock();
    world.person.moves(world.cardOf('L1')?.id ?? '', 'DONE');
    world.deliver();
    release();
    expect(world.storedKeys('FULL_PULL_NEEDED')).toHaveLength(1);
    world.run('onSchedule', {}, { hasUi: false });
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(syncLog(world).some((line) => /webhook deliveries was full/.test(line))).toBe(true);
    expect(world.storedKeys('FULL_PULL_NEEDED')).toEqual([]);
  });
});
