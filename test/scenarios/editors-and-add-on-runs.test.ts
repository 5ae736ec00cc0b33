// Two editors of one sheet, an installed add-on's hourly run with or without the document, and a cache that forgets:
// one pair of triggers, the board still reaches the sheet, and nothing is lost.
import { sampleRows, syncedWebhookWorld, SyncWorld } from './sync-world';

type Result = { ok: boolean; message: string };
type State = { triggersInstalled: boolean; triggersOwner: string; lastSync: { at: string; ok: boolean } | null };

const OWNER = 'owner@example.com';
const BOB = 'bob@example.com';

describe.each([
  ['a bound script', 'NONE'],
  ['an installed add-on', 'WEB_STORE_ADD_ON'],
] as const)('two editors of %s', (_, installationSource) => {
  it('keeps one pair of triggers: the second editor is told whose they are', () => {
    const world = new SyncWorld({ rows: sampleRows(2), installationSource });
    world.run('installTriggers');
    const bob = world.editor(BOB);
    expect(bob.run<Result>('installTriggers').returnValue).toMatchObject({ ok: true, message: expect.stringContaining(`set up by ${OWNER}`) });
    expect(world.gas.triggers().map((trigger) => trigger.owner)).toEqual([OWNER, OWNER]);
    expect(bob.run<State>('getSidebarState').returnValue).toMatchObject({ triggersInstalled: true, triggersOwner: OWNER });
    expect(bob.userEdit('D2', [['LOST']])).toHaveLength(1);
  });

  it('lets only the owner turn them off; then another editor may set them up', () => {
    const world = new SyncWorld({ rows: sampleRows(2), installationSource });
    world.run('installTriggers');
    const bob = world.editor(BOB);
    expect(bob.run<Result>('removeTriggers').returnValue).toEqual({ ok: false, message: expect.stringContaining(`set up by ${OWNER}`) });
    expect(world.gas.triggers()).toHaveLength(2);
    expect(world.run<Result>('removeTriggers').returnValue?.ok).toBe(true);
    // Nothing is left behind in the owner's own properties (an add-on's copy of the settings goes with the triggers).
    expect(world.gas.userProperties.entries()).toEqual({});
    expect(bob.run<State>('getSidebarState').returnValue).toMatchObject({ triggersInstalled: false, triggersOwner: '' });
    bob.run('installTriggers');
    expect(world.gas.triggers().map((trigger) => trigger.owner)).toEqual([BOB, BOB]);
    expect(world.run<State>('getSidebarState').returnValue).toMatchObject({ triggersInstalled: true, triggersOwner: BOB });
  });
});

describe('two pairs of triggers from before owners were recorded', () => {
  it('runs the sync once per edit, and the stray pair removes itself', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.run('installTriggers');
    world.run('syncNow');
    world.settingsStore().delete('TRIGGERS_OWNER');
    world.editor(BOB).run('installTriggers');
    const runs = world.gas.userEdit('LeadTracker', 'D2', [['LOST']]);
    expect(runs.map((run) => run.returnValue === null)).toEqual([true, false]);
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.gas.triggers().map((trigger) => trigger.owner)).toEqual([BOB, BOB]);
    expect(world.gas.userEdit('LeadTracker', 'D3', [['LOST']])).toHaveLength(1);
  });
});

describe.each([
  ['without the document (the default)', 'none'],
  ['with the document attached', 'attached'],
] as const)('an installed add-on’s hourly run %s', (_, addOnTimeTriggerDocument) => {
  function addOnWorld(): SyncWorld {
    const world = new SyncWorld({ rows: sampleRows(3), installationSource: 'WEB_STORE_ADD_ON', addOnTimeTriggerDocument });
    world.run('installTriggers');
    world.run('syncNow');
    return world;
  }

  it('brings a card moved on the board into the sheet', () => {
    const world = addOnWorld();
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    const runs = world.gas.advanceTime(3_600_000);
    expect(runs.map((run) => [run.functionName, run.error, (run.returnValue as Result).ok])).toEqual([['onSchedule', undefined, true]]);
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    // The script cache is shared by every user of the add-on: nothing of this sheet goes there.
    expect(world.gas.scriptCache.entries()).toEqual({});
  });

  it('follows the settings the owner saves later', () => {
    const world = addOnWorld();
    expect(world.run<Result>('saveSettings', { importBoardCards: false }).returnValue?.ok).toBe(true);
    world.person.creates('TODO', 'Made on the board');
    world.person.moves(world.cardOf('L2')!.id, 'TODO');
    const [run] = world.gas.advanceTime(3_600_000);
    expect(run.returnValue).toMatchObject({ ok: true });
    expect(world.lead('L2')?.status).toBe('NEW');
    expect(world.sheetValues()).toHaveLength(4);
  });

  it('shows the owner a failed hourly run in the sidebar', () => {
    const world = addOnWorld();
    world.leads.name = 'Renamed by someone';
    const [run] = world.gas.advanceTime(3_600_000);
    expect(run.returnValue).toMatchObject({ ok: false });
    const state = world.run<State & { recentErrors: { message: string }[] }>('getSidebarState').returnValue;
    expect(state?.lastSync).toMatchObject({ ok: false });
    const at = Date.parse(String(state?.lastSync?.at));
    expect(at).toBeGreaterThanOrEqual(run.startedAt);
    expect(at).toBeLessThanOrEqual(run.endedAt);
    expect(state?.recentErrors[0]?.message).toContain('no tab named "LeadTracker"');
  });

  it('keeps the token out of other editors’ reach, and their setting changes wait for the owner', () => {
    const world = addOnWorld();
    const bob = world.editor(BOB);
    expect(bob.run<Result>('saveSettings', { sheetName: 'Elsewhere' }).returnValue).toEqual({ ok: false, message: expect.stringContaining(OWNER) });
    expect(world.settingsStore().get('SHEET_NAME')).toBeNull();
    expect(bob.userProperties.entries()).toEqual({});
    expect(Object.keys(world.gas.scriptProperties.entries())).toEqual([]);
  });
});

describe('a cache that forgets', () => {
  it('loses nothing when every entry vanishes: edits, moves and webhook resends all converge', () => {
    const world = new SyncWorld({ rows: sampleRows(5), webApp: true, cacheEviction: { rate: 1, seed: 1 } });
    world.run('installTriggers');
    world.registerWebhook();
    world.run('syncNow');
    world.deliver();
    world.person.moves(world.cardOf('L1')!.id, 'IN_PROGRESS');
    world.gas.userEdit('LeadTracker', 'D3', [['LOST']]);
    const deliveries = world.deliver();
    expect(deliveries.every((run) => run.error === undefined)).toBe(true);
    world.gas.advanceTime(60_000);
    expect(world.lead('L1')?.status).toBe('CONTACTED');
    expect(world.listNameOf(world.cardOf('L2'))).toBe('DONE');
    expect(world.cards()).toHaveLength(5);
  });

  it('shows a recent last sync in the sidebar even when the cache has lost it', () => {
    const world = new SyncWorld({ rows: sampleRows(2), cacheEviction: { rate: 1, seed: 1 } });
    world.run('installTriggers');
    world.run('syncNow');
    const runs = world.gas.advanceTime(30 * 60_000);
    const lastRunAt = runs[runs.length - 1].startedAt;
    const shown = Date.parse(world.run<State>('getSidebarState').returnValue!.lastSync!.at);
    expect(lastRunAt - shown).toBeLessThanOrEqual(10 * 60_000);
  });

  it('keeps working when the 1,000-item cap pushes its entries out', () => {
    const world = syncedWebhookWorld();
    for (let i = 0; i < 1000; i++) world.gas.scriptCache.put(`other:${i}`, 'x', 21_600);
    world.person.moves(world.cardOf('L3')!.id, 'TODO');
    world.deliver();
    expect(world.lead('L3')?.status).toBe('NEW');
    expect(world.run<State>('getSidebarState').returnValue?.lastSync).not.toBeNull();
  });
});
