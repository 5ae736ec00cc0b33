// Webhooks: the HEAD check at creation, Trello's error texts, signed deliveries of every board action, and retries on the clock.
import { createHmac } from 'node:crypto';
import type { HttpRequest, HttpResponse } from '../../../emulator/http';
import { type TrelloAction, type TrelloWebhook, verifyWebhookSignature, WEBHOOK_DEACTIVATION, WEBHOOK_RETRY_DELAYS_MS } from '../../../emulator/trello';
import { createFixture } from './trello-fixture';

const CALLBACK = 'https://script.google.com/macros/s/abc/exec?secret=s3cret';

/** A callback that answers HEAD with `headStatus` and POST with `postStatus`, and remembers what it got. */
function callback(headStatus: number, postStatus = 200) {
  const received: HttpRequest[] = [];
  const transport = (request: HttpRequest): HttpResponse => {
    received.push(request);
    return { status: request.method === 'HEAD' ? headStatus : postStatus, headers: {}, body: '' };
  };
  return { received, transport, posts: () => received.filter((r) => r.method === 'POST') };
}

function withWebhook(postStatus = 200) {
  const hook = callback(200, postStatus);
  const fixture = createFixture({ webhookTransport: hook.transport });
  const webhook = fixture.json<TrelloWebhook>('POST', '/webhooks', { callbackURL: CALLBACK, idModel: fixture.workspace.board.id, description: 'sync' });
  return { ...fixture, hook, webhook };
}

describe('creating a webhook', () => {
  it('HEADs the callback URL first and creates nothing when it does not answer 200', () => {
    const hook = callback(403);
    const { api, emulator, workspace } = createFixture({ webhookTransport: hook.transport });
    const response = api('POST', '/webhooks', { callbackURL: CALLBACK, idModel: workspace.board.id });
    expect(hook.received.map((r) => [r.method, r.url])).toEqual([['HEAD', CALLBACK]]);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ message: `URL (${CALLBACK}) did not return 200 status code, got 403`, error: 'ERROR' });
    expect(emulator.webhooks()).toEqual([]);
  });

  it('creates the webhook for the token when the HEAD answers 200, active by default', () => {
    const { webhook, emulator, workspace } = withWebhook();
    expect(webhook).toMatchObject({ idModel: workspace.board.id, callbackURL: CALLBACK, description: 'sync', active: true, consecutiveFailures: 0, firstConsecutiveFailDate: null });
    expect(emulator.webhooks()).toEqual([webhook]);
  });

  it('answers a duplicate (same token, callback and model) with the real text, at /webhooks and /webhooks/', () => {
    const { api, workspace, hook } = withWebhook();
    for (const path of ['/webhooks', '/webhooks/']) {
      const response = api('POST', path, { callbackURL: CALLBACK, idModel: workspace.board.id });
      expect([response.status, response.body]).toEqual([400, 'A webhook with that callback, model, and token already exists']);
    }
    expect(hook.received.filter((r) => r.method === 'HEAD')).toHaveLength(1);
  });

  it('rejects a missing callbackURL and a model the token cannot see', () => {
    const { api, emulator } = withWebhook();
    const stranger = emulator.addMember({ username: 'eve' });
    const foreignBoard = emulator.createBoard({ name: 'Private', memberId: stranger.id });
    expect(api('POST', '/webhooks', { idModel: foreignBoard.id }).body).toBe('invalid value for callbackURL');
    expect(api('POST', '/webhooks', { callbackURL: CALLBACK, idModel: foreignBoard.id }).body).toBe('invalid value for idModel');
  });

  it('is listed under its token, read, changed and deleted by id', () => {
    const { api, json, webhook, workspace } = withWebhook();
    const tokens = json<{ webhooks: TrelloWebhook[] }[]>('GET', '/members/me/tokens?webhooks=true');
    expect(tokens.flatMap((t) => t.webhooks)).toEqual([webhook]);
    expect(json('GET', `/tokens/${workspace.token}/webhooks`)).toEqual([webhook]);
    expect(json('PUT', `/webhooks/${webhook.id}`, { active: false })).toMatchObject({ id: webhook.id, active: false });
    expect(json('DELETE', `/webhooks/${webhook.id}`)).toEqual({ _value: null });
    expect(api('GET', `/webhooks/${webhook.id}`).status).toBe(404);
  });
});

describe('deliveries', () => {
  it('waits for deliverWebhooks(), then POSTs {model, action} signed with the app secret', () => {
    const { emulator, workspace, hook, webhook } = withWebhook();
    const card = emulator.personCreatesCard({ memberId: workspace.member.id, listId: workspace.lists.TODO.id, name: 'Ada' });
    expect(hook.posts()).toEqual([]);
    expect(emulator.pendingDeliveries()).toBe(1);
    const report = emulator.deliverWebhooks();
    expect(report).toMatchObject({ delivered: 1, failed: 0, retriesScheduled: 0 });
    const [post] = hook.posts();
    expect(post.url).toBe(CALLBACK);
    expect(post.headers['content-type']).toBe('application/json');
    const body = JSON.parse(post.body) as { model: { id: string }; action: TrelloAction };
    expect(body.model.id).toBe(workspace.board.id);
    expect(body.action).toEqual(emulator.actionsOn(workspace.board.id)[0]);
    expect(body.action.data.card).toMatchObject({ id: card.id });
    const expected = createHmac('sha1', emulator.appSecret(workspace.key)).update(post.body + CALLBACK).digest('base64');
    expect(post.headers['x-trello-webhook']).toBe(expected);
    expect(verifyWebhookSignature(emulator.appSecret(workspace.key), post.body, CALLBACK, expected)).toBe(true);
    expect(verifyWebhookSignature(emulator.appSecret(workspace.key), post.body, 'https://elsewhere.example.com/', expected)).toBe(false);
    expect(report.attempts).toEqual([{ webhookId: webhook.id, actionId: body.action.id, callbackURL: CALLBACK, attempt: 1, status: 200 }]);
    expect(emulator.pendingDeliveries()).toBe(0);
  });

  it("delivers the token's own writes too (a board webhook gets every action)", () => {
    const { emulator, json, workspace, hook } = withWebhook();
    const card = json<{ id: string }>('POST', '/cards', { idList: workspace.lists.TODO.id, name: 'Ada' });
    json('PUT', `/cards/${card.id}`, { idList: workspace.lists.DONE.id });
    emulator.deliverWebhooks();
    const types = hook.posts().map((p) => (JSON.parse(p.body) as { action: TrelloAction }).action);
    expect(types.map((a) => [a.type, a.idMemberCreator])).toEqual([
      ['createCard', workspace.member.id],
      ['updateCard', workspace.member.id],
    ]);
  });

  it('retries a failed delivery (a 302 is a failure) 30, 60 and 90 s later, then gives up', () => {
    const { emulator, workspace, hook, webhook } = withWebhook(302);
    emulator.personCreatesCard({ memberId: workspace.member.id, listId: workspace.lists.TODO.id, name: 'Ada' });
    expect(emulator.deliverWebhooks()).toMatchObject({ delivered: 0, failed: 1, retriesScheduled: 1 });
    expect(WEBHOOK_RETRY_DELAYS_MS).toEqual([30_000, 60_000, 90_000]);
    for (const [retry, delay] of WEBHOOK_RETRY_DELAYS_MS.entries()) {
      emulator.clock.advance(delay - 1);
      expect(emulator.deliverWebhooks().attempts).toEqual([]);
      emulator.clock.advance(1);
      const report = emulator.deliverWebhooks();
      expect(report.attempts.map((a) => [a.attempt, a.status])).toEqual([[retry + 2, 302]]);
      expect(report.retriesScheduled).toBe(retry < 2 ? 1 : 0);
    }
    expect(hook.posts()).toHaveLength(4);
    expect(new Set(hook.posts().map((p) => p.body)).size).toBe(1);
    expect(emulator.pendingDeliveries()).toBe(0);
    const failing = emulator.webhooks().find((w) => w.id === webhook.id);
    expect(failing).toMatchObject({ consecutiveFailures: 4, firstConsecutiveFailDate: '2026-01-05T09:00:00.000Z' });
  });

  it('a retry that succeeds resets the failure count', () => {
    let status = 500;
    const fixture = createFixture({
      webhookTransport: (request) => ({ status: request.method === 'HEAD' ? 200 : status, headers: {}, body: '' }),
    });
    const { emulator, workspace } = fixture;
    fixture.json('POST', '/webhooks', { callbackURL: CALLBACK, idModel: workspace.board.id });
    emulator.personCreatesCard({ memberId: workspace.member.id, listId: workspace.lists.TODO.id, name: 'Ada' });
    emulator.deliverWebhooks();
    status = 200;
    emulator.clock.advance(30_000);
    expect(emulator.deliverWebhooks()).toMatchObject({ delivered: 1, failed: 0 });
    expect(emulator.webhooks()[0]).toMatchObject({ consecutiveFailures: 0, firstConsecutiveFailDate: null });
  });

  it('sends nothing for an inactive webhook, and a card webhook gets only that card with the card as model', () => {
    const { emulator, json, workspace, hook, webhook } = withWebhook();
    json('PUT', `/webhooks/${webhook.id}`, { active: false });
    const watched = emulator.personCreatesCard({ memberId: workspace.member.id, listId: workspace.lists.TODO.id, name: 'Ada' });
    const other = emulator.personCreatesCard({ memberId: workspace.member.id, listId: workspace.lists.TODO.id, name: 'Bo' });
    json('POST', '/webhooks', { callbackURL: `${CALLBACK}&card=1`, idModel: watched.id });
    emulator.personRenamesCard({ memberId: workspace.member.id, cardId: watched.id, name: 'Ada L.' });
    emulator.personRenamesCard({ memberId: workspace.member.id, cardId: other.id, name: 'Bo B.' });
    emulator.deliverWebhooks();
    const bodies = hook.posts().map((p) => JSON.parse(p.body) as { model: { id: string; name: string }; action: TrelloAction });
    expect(bodies.map((b) => [b.model.id, b.model.name, b.action.type])).toEqual([[watched.id, 'Ada L.', 'updateCard']]);
  });

  it('hands its queue to a test on request, in due order (a retry due later last), signed as sent, and then sends none of it', () => {
    const { emulator, workspace, hook } = withWebhook(302);
    emulator.personCreatesCard({ memberId: workspace.member.id, listId: workspace.lists.TODO.id, name: 'Ada' });
    emulator.deliverWebhooks();
    const retried = hook.posts()[0];
    const card = emulator.personCreatesCard({ memberId: workspace.member.id, listId: workspace.lists.TODO.id, name: 'Bo' });
    const taken = emulator.takeDeliveries();
    expect(emulator.pendingDeliveries()).toBe(0);
    expect(taken).toHaveLength(2);
    expect(taken[1]).toEqual(retried);
    const first = JSON.parse(taken[0].body) as { action: TrelloAction };
    expect(first.action.data.card).toMatchObject({ id: card.id });
    expect(verifyWebhookSignature(emulator.appSecret(workspace.key), taken[0].body, CALLBACK, taken[0].headers['x-trello-webhook'])).toBe(true);
    emulator.clock.advance(60_000);
    expect(emulator.deliverWebhooks().attempts).toEqual([]);
    expect(hook.posts()).toHaveLength(1);
  });

  it('needs a webhook transport to deliver', () => {
    const { emulator } = createFixture();
    expect(() => emulator.deliverWebhooks()).toThrow('no webhook transport');
  });
});

describe('dying webhooks', () => {
  /** A webhook whose callback answers POSTs with `status()`, under the given deactivation rule. */
  function failing(status: () => number, webhookDeactivation?: { failures: number; days: number }) {
    const fixture = createFixture({ webhookDeactivation, webhookTransport: (request) => ({ status: request.method === 'HEAD' ? 200 : status(), headers: {}, body: '' }) });
    const webhook = fixture.json<TrelloWebhook>('POST', '/webhooks', { callbackURL: CALLBACK, idModel: fixture.workspace.board.id });
    const act = () => fixture.emulator.personCreatesCard({ memberId: fixture.workspace.member.id, listId: fixture.workspace.lists.TODO.id, name: 'Ada' });
    /** One action, its delivery and all its retries. */
    const failOnce = () => {
      act();
      for (let i = 0; i <= WEBHOOK_RETRY_DELAYS_MS.length; i++) {
        fixture.emulator.deliverWebhooks();
        fixture.emulator.clock.advance(WEBHOOK_RETRY_DELAYS_MS[i] ?? 0);
      }
    };
    return { ...fixture, webhook, act, failOnce };
  }

  it('by default stays active through a long run of failures shorter than 30 days or 1,000 attempts', () => {
    expect(WEBHOOK_DEACTIVATION).toEqual({ failures: 1000, days: 30 });
    const { emulator, json, webhook, failOnce } = failing(() => 500);
    for (let i = 0; i < 300; i++) failOnce(); // 1,200 failed attempts within a day
    expect(json<TrelloWebhook>('GET', `/webhooks/${webhook.id}`)).toMatchObject({ active: true, consecutiveFailures: 1200 });
    emulator.clock.advance(30 * 24 * 3600 * 1000);
    failOnce();
    expect(json<TrelloWebhook>('GET', `/webhooks/${webhook.id}`)).toMatchObject({ active: false, consecutiveFailures: 1201, firstConsecutiveFailDate: '2026-01-05T09:00:00.000Z' });
  });

  it('deactivates a webhook past the failure threshold: no more deliveries; the state shows by id and in the token listing', () => {
    const { emulator, json, webhook, act, failOnce } = failing(() => 302, { failures: 6, days: 0 });
    failOnce();
    expect(json<TrelloWebhook>('GET', `/webhooks/${webhook.id}`)).toMatchObject({ active: true, consecutiveFailures: 4 });
    act();
    emulator.deliverWebhooks();
    emulator.clock.advance(30_000);
    const report = emulator.deliverWebhooks();
    expect(report).toMatchObject({ failed: 1, retriesScheduled: 0, deactivated: [webhook.id] });
    act();
    expect(emulator.deliverWebhooks().attempts).toEqual([]);
    expect(emulator.pendingDeliveries()).toBe(0);
    const listed = json<{ webhooks: TrelloWebhook[] }[]>('GET', '/members/me/tokens?webhooks=true')[0].webhooks;
    expect(listed).toEqual([expect.objectContaining({ id: webhook.id, active: false, consecutiveFailures: 6, firstConsecutiveFailDate: '2026-01-05T09:00:00.000Z' })]);
  });

  it('sends again once reactivated, and a delivered POST resets the failure count', () => {
    let status = 500;
    const { emulator, json, webhook, act, failOnce } = failing(() => status, { failures: 4, days: 0 });
    failOnce();
    expect(emulator.webhooks()[0].active).toBe(false);
    json('PUT', `/webhooks/${webhook.id}`, { active: true });
    status = 200;
    act();
    expect(emulator.deliverWebhooks()).toMatchObject({ delivered: 1 });
    expect(json<TrelloWebhook>('GET', `/webhooks/${webhook.id}`)).toMatchObject({ active: true, consecutiveFailures: 0, firstConsecutiveFailDate: null });
  });

  it('deletes the webhook when its callback answers 410', () => {
    const { emulator, api, webhook, act } = failing(() => 410);
    act();
    act();
    const report = emulator.deliverWebhooks();
    expect(report).toMatchObject({ failed: 1, retriesScheduled: 0, deleted: [webhook.id], dropped: 2 });
    expect(emulator.webhooks()).toEqual([]);
    expect(api('GET', `/webhooks/${webhook.id}`).status).toBe(404);
  });
});
