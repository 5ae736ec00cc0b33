// The pipeline end to end: the built bundle, loaded as Apps Script loads it, talks to Trello through UrlFetchApp.
import { SyncWorld } from './sync-world';

describe('the built bundle in the emulators', () => {
  it('answers onOpen with a Trello Sync menu holding "Sync now"', () => {
    const world = new SyncWorld();
    world.run('onOpen', { authMode: 'FULL' });
    const menu = world.gas.ui.menus.at(-1);
    expect(menu?.title).toBe('Trello Sync');
    expect(menu?.items).toContainEqual({ caption: 'Sync now', functionName: 'syncNow' });
  });

  it('reaches Trello through UrlFetchApp with the OAuth header and never a key or token in a URL', () => {
    const world = new SyncWorld({ rows: [['L1', 'Ada', 'ada@example.com', 'NEW', 'Web', '']] });
    world.run('syncNow');
    expect(world.trello.requests.length).toBeGreaterThan(0);
    for (const request of world.trello.requests) {
      expect(request.headers.authorization).toBe(`OAuth oauth_consumer_key="${world.workspace.key}", oauth_token="${world.workspace.token}"`);
      expect(request.url).not.toContain(world.workspace.token);
      expect(request.url).not.toContain(world.workspace.key);
    }
    expect(world.cardOf('L1')?.name).toBe('Ada');
  });
});
