// Registering the board webhook: the URL secret, Trello's HEAD check, replacing earlier webhooks; and doGet.
import { version as packageVersion } from '../../package.json';
import { SyncWorld, WEB_APP_URL } from './sync-world';

type Result = { ok: boolean; message: string };

describe('registerWebhook', () => {
  it('explains the fix when Trello\'s HEAD check gets 403 from a web app open to anyone', () => {
    const world = new SyncWorld({ webApp: true });
    const result = world.run<Result>('registerWebhook').returnValue;
    expect(result?.ok).toBe(false);
    expect(result?.message).toContain('answered 403');
    expect(result?.message).toContain('"Only myself"');
    expect(result?.message).toContain('back to "Anyone"');
    expect(world.trello.webhooks()).toEqual([]);
  });

  it("as an installed add-on, points at the add-on's web app as a relay, and says who can pass Trello's HEAD check", () => {
    const world = new SyncWorld({ webApp: true, installationSource: 'WEB_STORE_ADD_ON' });
    const refused = world.run<Result>('registerWebhook').returnValue;
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("only the add-on's developer can change that") });
    expect(world.trello.webhooks()).toEqual([]);
    expect(world.registerWebhook().ok).toBe(true);
    const secret = world.settingsStore().get('WEBHOOK_SECRET');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(world.gas.scriptProperties.get('WEBHOOK_SECRET')).toBeNull();
    expect(world.trello.webhooks().map((webhook) => webhook.callbackURL)).toEqual([`${WEB_APP_URL}?relay=${secret}`]);
  });

  it('asks for a web app deployment first', () => {
    const world = new SyncWorld();
    expect(world.run<Result>('registerWebhook').returnValue?.message).toContain('Deploy this script as a web app first');
  });

  it('registers at the web app URL with a generated secret, once, and replaces earlier webhooks of the board', () => {
    const world = new SyncWorld({ webApp: true });
    expect(world.registerWebhook().ok).toBe(true);
    const secret = world.settingsStore().get('WEBHOOK_SECRET');
    expect(world.trello.webhooks().map((webhook) => [webhook.callbackURL, webhook.idModel])).toEqual([[`${WEB_APP_URL}?secret=${secret}`, world.workspace.board.id]]);
    expect(world.registerWebhook()).toMatchObject({ ok: true, message: expect.stringContaining('already registered') });
    expect(world.trello.webhooks()).toHaveLength(1);
    // A new secret (e.g. after a leak): the old webhook is replaced, not piled up.
    world.settingsStore().set('WEBHOOK_SECRET', 'b'.repeat(40));
    expect(world.registerWebhook().ok).toBe(true);
    expect(world.trello.webhooks().map((webhook) => webhook.callbackURL)).toEqual([`${WEB_APP_URL}?secret=${'b'.repeat(40)}`]);
    expect(world.trello.requests.some((request) => request.url.includes('/tokens/'))).toBe(false);
  });

  it('removes the webhook; the scheduled run still brings board changes', () => {
    const world = new SyncWorld({ webApp: true, rows: [['L1', 'Ada', 'a@example.com', 'NEW', 'Web', '']] });
    world.run('installTriggers');
    world.registerWebhook();
    world.run('syncNow');
    expect(world.run<Result>('unregisterWebhook').returnValue?.ok).toBe(true);
    expect(world.trello.webhooks()).toEqual([]);
    expect(world.settingsStore().get('TRELLO_WEBHOOK_ID')).toBeNull();
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    expect(world.deliver()).toEqual([]);
    world.gas.advanceTime(60 * 60_000);
    expect(world.lead('L1')?.status).toBe('COMPLETED');
  });
});

describe('doGet', () => {
  it('reports health as JSON with no secret in it', () => {
    const world = new SyncWorld({ webApp: true, rows: [['L1', 'Ada', 'a@example.com', 'NEW', 'Web', '']] });
    world.registerWebhook();
    world.run('syncNow');
    const response = world.gas.webApp.handle({ method: 'GET', url: WEB_APP_URL, headers: {}, body: '' });
    expect(response.status).toBe(302);
    const output = world.gas.executions.at(-1)?.returnValue as { getContent(): string };
    const health = JSON.parse(output.getContent());
    expect(health).toMatchObject({
      app: 'Sheets ⇄ Trello Sync',
      version: packageVersion,
      mode: 'bound script',
      connected: true,
      lastSync: { ok: true, finished: true, at: expect.any(String) },
      queued: { edits: 0, webhookDeliveries: 0 },
      webhook: { registered: true, secretSet: true },
    });
    expect(Object.keys(health.lastSync)).toEqual(['at', 'ok', 'finished']);
    const text = output.getContent();
    for (const secret of [world.workspace.key, world.workspace.token, world.settingsStore().get('WEBHOOK_SECRET')!]) expect(text).not.toContain(secret);
  });
});

describe('a web app without an active spreadsheet', () => {
  it('remembers the spreadsheet at registration, so deliveries reach it', () => {
    const world = new SyncWorld({ webApp: true, bound: false, rows: [['L1', 'Ada', 'a@example.com', 'NEW', 'Web', '']] });
    world.registerWebhook();
    expect(world.settingsStore().get('SPREADSHEET_ID')).toBe(world.spreadsheet.id);
    world.run('syncNow');
    world.deliver();
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    const [delivery] = world.deliver();
    expect(delivery.error).toBeUndefined();
    expect(world.lead('L1')?.status).toBe('COMPLETED');
  });

  it('refuses the test (/dev) URL, which Trello cannot reach', () => {
    const world = new SyncWorld();
    world.gas.deployWebApp({ url: 'https://script.google.com/macros/s/AKfycbEmulated/dev', access: 'MYSELF' });
    expect(world.run<Result>('registerWebhook').returnValue).toMatchObject({ ok: false, message: expect.stringContaining('test URL') });
  });
});
