// Webhooks Trello deactivates or deletes: each full run reads the webhook's real state, brings it back, and says so.
import type { HttpRequest } from '../../emulator/http';
import { sampleRows, SyncWorld, WEB_APP_URL } from './sync-world';

type Health = { webhook: { registered: boolean; active: boolean | null; consecutiveFailures: number | null; note: string } };
type SidebarState = { webhookRegistered: boolean; webhook: Health['webhook'] };

/** A synced world with a registered webhook that Trello deactivates after `failures` failed attempts. */
function syncedWorld(failures = 1000): SyncWorld {
  const w = new SyncWorld({ rows: sampleRows(3), webApp: true, trello: { webhookDeactivation: { failures, days: 0 } } });
  w.registerWebhook();
  w.run('syncNow');
  return w;
}

function health(w: SyncWorld): Health {
  w.gas.webApp.handle({ method: 'GET', url: WEB_APP_URL, headers: {}, body: '' });
  const output = w.gas.executions.at(-1)!.returnValue as { getContent(): string };
  return JSON.parse(output.getContent()) as Health;
}

function syncLogMessages(w: SyncWorld): string[] {
  return w.spreadsheet.sheet('Sync Log')!.values().map((line) => String(line[3]));
}

describe('a webhook Trello deactivated', () => {
  it('is switched back on by the next full run, which says so; deliveries then flow again', () => {
    const w = syncedWorld(6);
    w.deliver(); // the echoes of the first sync: the web app answers 302, which Trello counts as failures
    w.clock.advance(30_000);
    w.deliver();
    expect(w.trello.webhooks()[0]).toMatchObject({ active: false });
    w.person.moves(w.cardOf('L1')!.id, 'DONE');
    expect(w.deliver()).toEqual([]); // nothing reaches the sheet any more
    expect(w.lead('L1')?.status).toBe('NEW');

    const before = w.trello.requests.length;
    w.run('onSchedule', {}, { hasUi: false });
    const sent = w.trello.requests.slice(before);
    expect(sent.map((request) => request.method)).toEqual(['GET', 'PUT']); // the run's batch (with the webhook in it), the switch
    expect(w.trello.webhooks()[0]).toMatchObject({ active: true });
    expect(w.lead('L1')?.status).toBe('COMPLETED'); // the pull brought the move meanwhile
    expect(syncLogMessages(w).some((message) => message.includes('deactivated the webhook after'))).toBe(true);
    expect(health(w).webhook).toMatchObject({ registered: true, active: true, note: expect.stringContaining('switched it back on') });

    w.person.moves(w.cardOf('L2')!.id, 'TODO');
    const [delivery] = w.deliver();
    expect(delivery.functionName).toBe('doPost');
    expect(w.lead('L2')?.status).toBe('NEW');
  });

  it('shows in the sidebar and doGet as Trello has it, not as the add-on remembers it', () => {
    const w = new SyncWorld({ rows: sampleRows(3), webApp: true });
    w.registerWebhook();
    expect(health(w).webhook).toMatchObject({ registered: true, active: null }); // not read from Trello yet
    w.run('syncNow');
    w.deliver();
    w.run('onSchedule', {}, { hasUi: false });
    const state = w.run<SidebarState>('getSidebarState').returnValue!;
    expect(state.webhookRegistered).toBe(true);
    expect(state.webhook).toMatchObject({ active: true, consecutiveFailures: w.trello.webhooks()[0].consecutiveFailures });
    expect(state.webhook.consecutiveFailures).toBeGreaterThan(0);
  });

  it('costs a quiet scheduled run nothing extra while the webhook is active', () => {
    const w = syncedWorld();
    w.deliver();
    w.run('onSchedule', {}, { hasUi: false });
    const quiet = w.run('onSchedule', {}, { hasUi: false });
    expect(quiet.counters.urlFetchRequests).toBe(1);
    expect(quiet.counters.propertiesWrites).toBe(0);
  });
});

describe('a webhook Trello deleted (its callback answered 410)', () => {
  /** Trello's deliveries get 410 from the callback (as if the deployment were gone), so Trello deletes the webhook. */
  function deletedByGone(): SyncWorld {
    const w = syncedWorld();
    w.deliver();
    const webApp = (request: HttpRequest) => w.gas.webApp.handle(request);
    w.trello.setWebhookTransport((request) => (request.method === 'POST' ? { status: 410, headers: {}, body: '' } : webApp(request)));
    w.person.moves(w.cardOf('L1')!.id, 'DONE');
    w.deliver();
    expect(w.trello.webhooks()).toEqual([]);
    w.trello.setWebhookTransport(webApp);
    return w;
  }

  it('is registered again by the next full run when the web app passes Trello\'s check, and deliveries flow again', () => {
    const w = deletedByGone();
    w.gas.deployWebApp({ url: WEB_APP_URL, access: 'MYSELF' }); // the access a registration needs
    w.run('onSchedule', {}, { hasUi: false });
    w.gas.deployWebApp({ url: WEB_APP_URL, access: 'ANYONE_ANONYMOUS' });
    const [again] = w.trello.webhooks();
    expect(again).toMatchObject({ active: true, idModel: w.workspace.board.id, callbackURL: `${WEB_APP_URL}?secret=${w.settingsStore().get('WEBHOOK_SECRET')}` });
    expect(w.settingsStore().get('TRELLO_WEBHOOK_ID')).toBe(again.id);
    expect(health(w).webhook).toMatchObject({ registered: true, active: true, note: expect.stringContaining('registered it again') });
    w.person.moves(w.cardOf('L2')!.id, 'DONE');
    expect(w.deliver().map((run) => run.functionName)).toContain('doPost');
    expect(w.lead('L2')?.status).toBe('COMPLETED');
  });

  it('is reported with the fix when Trello\'s check of the web app fails; registering again brings deliveries back', () => {
    const w = deletedByGone();
    w.run('onSchedule', {}, { hasUi: false });
    expect(w.trello.webhooks()).toEqual([]);
    const reported = health(w).webhook;
    expect(reported).toMatchObject({ registered: false, active: false });
    expect(reported.note).toContain('answered 403');
    expect(reported.note).toContain('"Only myself"');
    expect(w.run<SidebarState>('getSidebarState').returnValue).toMatchObject({ webhookRegistered: false, webhook: { note: reported.note } });
    const quiet = w.run('onSchedule', {}, { hasUi: false }); // no webhook id left: no further attempt each run
    expect(quiet.counters.urlFetchRequests).toBe(1);

    w.registerWebhook();
    expect(health(w).webhook).toMatchObject({ registered: true, active: null, note: '' });
    w.person.moves(w.cardOf('L2')!.id, 'DONE');
    w.deliver();
    expect(w.lead('L2')?.status).toBe('COMPLETED');
  });
});
