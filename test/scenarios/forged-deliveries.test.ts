// Anonymous callers of the web app: forged deliveries are turned away on a cached check of the secret, before any
// Properties read, and change nothing.
import { sampleRows, SyncWorld, WEB_APP_URL } from './sync-world';

describe('forged webhook deliveries', () => {
  it('turns away 300 forged deliveries for a handful of Properties reads, changing nothing', () => {
    const world = new SyncWorld({ rows: sampleRows(3), webApp: true });
    world.run('syncNow');
    world.registerWebhook();
    const card = world.cardOf('L1');
    const sheetBefore = JSON.stringify(world.sheetValues());
    const propertiesBefore = JSON.stringify(world.settingsStore().entries());
    const before = world.gas.executions.length;
    const body = JSON.stringify({ model: { id: world.workspace.board.id }, action: { id: 'f'.repeat(24), type: 'updateCard', date: new Date().toISOString(), data: { card: { id: card?.id }, board: { id: world.workspace.board.id } } } });
    for (let n = 0; n < 300; n++) {
      world.gas.webApp.handle({ method: 'POST', url: `${WEB_APP_URL}?secret=guess${n}`, headers: { 'content-type': 'application/json' }, body });
    }
    const forged = world.gas.executions.slice(before);
    expect(forged).toHaveLength(300);
    expect(forged.every((execution) => execution.error === undefined)).toBe(true);
    expect(forged.reduce((sum, execution) => sum + execution.counters.propertiesReads, 0)).toBeLessThanOrEqual(5);
    expect(forged.reduce((sum, execution) => sum + execution.counters.propertiesWrites + execution.counters.urlFetchCalls, 0)).toBe(0);
    expect(JSON.stringify(world.sheetValues())).toBe(sheetBefore);
    expect(JSON.stringify(world.settingsStore().entries())).toBe(propertiesBefore);
  });

  it('still takes a genuine delivery after a flood, and a secret set by hand within a minute', () => {
    const world = new SyncWorld({ rows: sampleRows(3), webApp: true });
    world.run('syncNow');
    world.registerWebhook();
    for (let n = 0; n < 50; n++) world.gas.webApp.handle({ method: 'POST', url: `${WEB_APP_URL}?secret=guess${n}`, headers: {}, body: '{}' });
    world.person.moves(world.cardOf('L1')?.id ?? '', 'DONE');
    world.deliver();
    expect(world.lead('L1')?.status).toBe('COMPLETED');

    // Someone replaces the secret in Script Properties by hand (and the callback URL with it): it counts within a minute.
    world.settingsStore().set('WEBHOOK_SECRET', 'hand-made-secret-0123456789');
    world.clock.advance(61_000);
    world.person.moves(world.cardOf('L2')?.id ?? '', 'DONE');
    // A drag makes two actions; the list change is the one that names the old list.
    const action = world.trello.actionsOn(world.workspace.board.id).find((candidate) => (candidate.data.old as { idList?: string } | undefined)?.idList !== undefined);
    const body = JSON.stringify({ model: { id: world.workspace.board.id }, action });
    world.gas.webApp.handle({ method: 'POST', url: `${WEB_APP_URL}?secret=hand-made-secret-0123456789`, headers: {}, body });
    expect(world.lead('L2')?.status).toBe('COMPLETED');
  });
});
