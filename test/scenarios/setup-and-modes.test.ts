// Menus, triggers, the lock and the add-on mode, on the built bundle.
import { sampleRows, SyncWorld } from './sync-world';

type Summary = { ok: boolean; busy?: boolean; message: string };

describe('menu and triggers', () => {
  it('installs one edit trigger and one every-minute trigger, never a duplicate', () => {
    const world = new SyncWorld();
    world.run('installTriggers');
    world.run('installTriggers');
    expect(world.gas.triggers().map((trigger) => [trigger.handlerFunction, trigger.eventType, trigger.everyMs])).toEqual([
      ['onSheetEdit', 'ON_EDIT', undefined],
      ['onSchedule', 'CLOCK', 60_000],
    ]);
  });

  it('shows only the add-on menu in AuthMode.NONE', () => {
    const world = new SyncWorld();
    const result = world.gas.run('onOpen', { authMode: 'NONE' }, { authMode: 'NONE' });
    expect(result.error).toBeUndefined();
    expect(world.gas.ui.menus).toEqual([expect.objectContaining({ addon: true, items: expect.arrayContaining([{ caption: 'Sync now', functionName: 'syncNow' }]) })]);
    expect(result.counters.propertiesReads + result.counters.urlFetchCalls + result.counters.sheetsDataCalls).toBe(0);
  });

  it('opens the sidebar from the built HTML', () => {
    const world = new SyncWorld();
    world.run('showSidebar');
    expect(world.gas.ui.sidebars[0]?.title).toBe('Trello Sync');
    expect(world.gas.ui.sidebars[0]?.html).toContain('<script>');
  });
});

describe('the script lock', () => {
  it('leaves an edit for the next run when another run holds the lock, and loses nothing', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    world.run('installTriggers');
    world.run('syncNow');
    const release = world.gas.holdScriptLock();
    const [edit] = world.gas.userEdit('LeadTracker', 'D2', [['QUALIFIED']]);
    expect(edit.returnValue).toMatchObject({ ok: false, busy: true });
    expect(world.listNameOf(world.cardOf('L1'))).toBe('TODO');
    expect(world.run<Summary>('syncNow').returnValue).toMatchObject({ busy: true });
    release();
    world.gas.advanceTime(60_000);
    expect(world.listNameOf(world.cardOf('L1'))).toBe('IN_PROGRESS');
    expect(world.lead('L1')?.status).toBe('QUALIFIED');
  });


  it('records edit times of a large paste only up to a cap, and the next full run still syncs every row', () => {
    const world = new SyncWorld({ rows: sampleRows(700, ['NEW']) });
    world.run('installTriggers');
    world.run('syncNow');
    const release = world.gas.holdScriptLock();
    world.gas.userEdit('LeadTracker', 'D2', Array.from({ length: 700 }, () => ['LOST']));
    release();
    expect(Object.keys(world.settingsStore().entries()).filter((key) => key.startsWith('EDITED_AT:'))).toEqual([]);
    world.gas.advanceTime(60_000);
    expect(world.cards().filter((card) => card.idList === world.listId('DONE'))).toHaveLength(700);
  });
});

describe('as an installed editor add-on', () => {
  it('keeps settings in Document Properties, never in the shared Script Properties, and schedules hourly', () => {
    const world = new SyncWorld({ rows: sampleRows(2), installationSource: 'WEB_STORE_ADD_ON', connect: false });
    const document = world.gas.documentProperties;
    document.set('TRELLO_KEY', world.workspace.key);
    document.set('TRELLO_TOKEN', world.workspace.token);
    document.set('TRELLO_BOARD_ID', world.workspace.board.id);
    expect(world.run<Summary>('syncNow').returnValue).toMatchObject({ ok: true });
    expect(world.cards()).toHaveLength(2);
    world.run('installTriggers');
    expect(world.gas.triggers().find((trigger) => trigger.eventType === 'CLOCK')?.everyMs).toBe(3_600_000);
    world.run('saveSettings', { sheetName: 'LeadTracker' });
    expect(Object.keys(world.gas.scriptProperties.entries())).toEqual([]);
    expect(world.run<{ mode: string; latencyNote: string }>('getSidebarState').returnValue).toMatchObject({ mode: 'editor add-on', latencyNote: expect.stringContaining('hourly') });
  });
});

describe('an add-on used in several documents', () => {
  it('installs, keeps and removes only this document\'s triggers', () => {
    const world = new SyncWorld({ installationSource: 'WEB_STORE_ADD_ON' });
    world.run('installTriggers');
    const firstDocument = world.gas.triggers().map((trigger) => trigger.uniqueId);
    // The same user opens the add-on in another document: its Document Properties start empty.
    const firstProperties = world.gas.documentProperties.entries();
    world.gas.documentProperties.clear();
    world.run('installTriggers');
    world.run('installTriggers');
    expect(world.gas.triggers()).toHaveLength(4);
    world.run('removeTriggers');
    expect(world.gas.triggers().map((trigger) => trigger.uniqueId)).toEqual(firstDocument);
    for (const [key, value] of Object.entries(firstProperties)) world.gas.documentProperties.set(key, value);
    expect(world.run<{ triggersInstalled: boolean }>('getSidebarState').returnValue?.triggersInstalled).toBe(true);
  });
});

describe('the sidebar server functions', () => {
  it('checks a new token with Trello before saving it, and never returns it', () => {
    const world = new SyncWorld({ connect: false });
    const refused = world.run<Summary>('saveSettings', { key: world.workspace.key, token: 'e'.repeat(64) }).returnValue;
    expect(refused?.ok).toBe(false);
    expect(world.settingsStore().get('TRELLO_TOKEN')).toBeNull();
    expect(world.run<Summary>('saveSettings', { key: world.workspace.key, token: world.workspace.token }).returnValue?.ok).toBe(true);
    const boards = world.run<{ id: string; name: string; lists: string[] }[]>('listBoards').returnValue;
    expect(boards).toEqual([{ id: world.workspace.board.id, name: world.workspace.board.name, lists: ['TODO', 'IN_PROGRESS', 'DONE'] }]);
    world.run('saveSettings', { boardId: world.workspace.board.id, mapping: [{ status: 'new', list: 'TODO' }, { status: 'won', list: 'DONE' }] });
    const state = world.run<Record<string, unknown>>('getSidebarState').returnValue;
    expect(state).toMatchObject({ hasKey: true, hasToken: true, boardId: world.workspace.board.id, mapping: [{ status: 'NEW', list: 'TODO' }, { status: 'WON', list: 'DONE' }] });
    expect(JSON.stringify(state)).not.toContain(world.workspace.token);
  });

  it('refuses a bad status mapping with a readable message and keeps the old one', () => {
    const world = new SyncWorld();
    const result = world.run<Summary>('saveSettings', { mapping: [{ status: 'NEW', list: '' }] }).returnValue;
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('"NEW" must name a list') });
    expect(world.settingsStore().get('STATUS_MAPPING')).toBeNull();
  });
});

describe('setting up', () => {
  it('puts a dropdown of the mapped statuses on the status column (invalid values shown, not refused)', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    expect(world.run<Summary>('installTriggers').returnValue).toMatchObject({ ok: true, message: expect.stringContaining('dropdown') });
    const rule = world.leads.cell(3, 4).validation;
    expect(rule).toMatchObject({ values: ['NEW', 'CONTACTED', 'QUALIFIED', 'COMPLETED', 'LOST'], allowInvalid: true });
    expect(world.leads.cell(3, 3).validation).toBeNull();
  });

  it('installs the triggers and names the problem when the lead tab is missing', () => {
    const world = new SyncWorld();
    world.settingsStore().set('SHEET_NAME', 'Prospects');
    expect(world.run<Summary>('installTriggers').returnValue).toMatchObject({ ok: false, message: expect.stringContaining('no tab named "Prospects"') });
    expect(world.gas.triggers()).toHaveLength(2);
  });
});

describe('switching triggers off and showing recent errors', () => {
  it('removes both triggers, after which edits wait for "Sync now"', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.run('installTriggers');
    world.run('syncNow');
    expect(world.run<Summary>('removeTriggers').returnValue).toMatchObject({ ok: true, message: expect.stringContaining('Triggers off') });
    expect(world.gas.triggers()).toEqual([]);
    expect(world.gas.userEdit('LeadTracker', 'D2', [['LOST']])).toEqual([]);
    expect(world.listNameOf(world.cardOf('L1'))).toBe('TODO');
    world.run('syncNow');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.run<{ triggersInstalled: boolean }>('getSidebarState').returnValue?.triggersInstalled).toBe(false);
  });

  it('lists the latest failures in the sidebar, newest first, a lasting one once', () => {
    const world = new SyncWorld({ rows: sampleRows(1) });
    world.settingsStore().set('SHEET_NAME', 'Missing');
    world.run('syncNow');
    world.clock.advance(60_000);
    world.settingsStore().set('TRELLO_BOARD_ID', '5f0000000000000000000000');
    world.run('syncNow');
    const state = world.run<{ recentErrors: { at: string; message: string }[] }>('getSidebarState').returnValue;
    expect(state?.recentErrors.map((error) => error.message)).toEqual([expect.stringContaining('no tab named "Missing"')]);
    world.settingsStore().set('SHEET_NAME', 'LeadTracker');
    world.run('syncNow');
    const later = world.run<{ recentErrors: { message: string }[] }>('getSidebarState').returnValue;
    expect(later?.recentErrors[0].message).toContain('was not found');
  });
});

describe('a new status mapping', () => {
  it('takes effect at once, creating a list the new mapping names once the person confirms it, even from the edit trigger', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.run('installTriggers');
    world.run('syncNow');
    const mapping = [
      { status: 'NEW', list: 'TODO' },
      { status: 'CONTACTED', list: 'IN_PROGRESS' },
      { status: 'QUALIFIED', list: 'IN_PROGRESS' },
      { status: 'COMPLETED', list: 'DONE' },
      { status: 'LOST', list: 'DONE' },
      { status: 'ON_HOLD', list: 'PARKED' },
    ];
    expect(world.run<Summary>('saveSettings', { mapping }).returnValue).toMatchObject({ ok: false, missingLists: ['PARKED'] });
    expect(world.run<Summary>('saveSettings', { mapping, createLists: true }).returnValue?.ok).toBe(true);
    world.gas.userEdit('LeadTracker', 'D2', [['ON_HOLD']]);
    expect(world.listNameOf(world.cardOf('L1'))).toBe('PARKED');
  });
});
