// Server mode: the emulator over loopback HTTP, its admin routes, webhook delivery by fetch, and the command line.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { type SeededWorkspace, startTrelloServer, type TrelloCard, TrelloEmulator, type TrelloServer, verifyWebhookSignature } from '../../../emulator/trello';
import { oauthHeader } from './trello-fixture';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A small callback receiver: 200 to HEAD and POST, remembering every request. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?secret=x`, received, server };
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('startTrelloServer', () => {
  let server: TrelloServer;
  let emulator: TrelloEmulator;
  let seed: SeededWorkspace;
  const closeAfter: Server[] = [];

  const admin = async <T>(path: string, body: object): Promise<T> => {
    const response = await fetch(`${server.url}/_emulator/${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/1${path}`, { ...init, headers: { authorization: oauthHeader(seed.key, seed.token), 'content-type': 'application/json' } });

  beforeEach(async () => {
    emulator = new TrelloEmulator();
    server = await startTrelloServer(emulator, { port: 0 });
    seed = await admin<SeededWorkspace>('seed', { username: 'alice' });
  });

  afterEach(async () => {
    await server.close();
    await Promise.all(closeAfter.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('serves /1/… over HTTP with the OAuth header', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await api('/members/me');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: seed.member.id, username: 'alice' });
    expect(emulator.requests.at(-1)?.headers.authorization).toBe(oauthHeader(seed.key, seed.token));
    expect((await fetch(`${server.url}/1/members/me`)).status).toBe(401);
  });

  it('lets a person move a card through the admin routes, and shows the board state', async () => {
    const { result: card } = await admin<{ result: TrelloCard }>('person', { op: 'createCard', memberId: seed.member.id, listId: seed.lists.TODO.id, name: 'Ada' });
    await admin('person', { op: 'moveCard', memberId: seed.member.id, cardId: card.id, listId: seed.lists.DONE.id });
    const state = (await (await fetch(`${server.url}/_emulator/state?boardId=${seed.board.id}`)).json()) as { lists: unknown[]; cards: TrelloCard[] };
    expect(state.lists).toHaveLength(3);
    expect(state.cards.map((c) => [c.name, c.idList])).toEqual([['Ada', seed.lists.DONE.id]]);
    const bad = await fetch(`${server.url}/_emulator/person`, { method: 'POST', body: JSON.stringify({ op: 'fly' }) });
    expect([bad.status, await bad.json()]).toEqual([400, { error: 'unknown op fly' }]);
  });

  it('sets fault switches through the admin routes', async () => {
    expect(await admin('faults', { failNext5xx: 1 })).toMatchObject({ failNext5xx: 1 });
    expect((await api('/members/me')).status).toBe(500);
    expect((await api('/members/me')).status).toBe(200);
  });

  it('deactivates a failing webhook by the rule set through the admin route', async () => {
    const receiver = await startReceiver();
    closeAfter.push(receiver.server);
    const created = (await (await api('/webhooks', { method: 'POST', body: JSON.stringify({ callbackURL: receiver.url, idModel: seed.board.id }) })).json()) as { id: string };
    expect(await admin('webhook-deactivation', { failures: 2, days: 0 })).toEqual({ failures: 2, days: 0 });
    receiver.server.close();
    for (const name of ['Ada', 'Grace']) await admin('person', { op: 'createCard', memberId: seed.member.id, listId: seed.lists.TODO.id, name });
    let webhook = { active: true, consecutiveFailures: 0 };
    const deadline = Date.now() + 5000;
    while (webhook.active && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      webhook = (await (await api(`/webhooks/${created.id}`)).json()) as typeof webhook;
    }
    expect(webhook).toMatchObject({ active: false, consecutiveFailures: 2 });
  });

  it('checks the callback with a real HEAD and delivers a signed webhook over loopback', async () => {
    const receiver = await startReceiver();
    closeAfter.push(receiver.server);
    const created = await api('/webhooks', { method: 'POST', body: JSON.stringify({ callbackURL: receiver.url, idModel: seed.board.id }) });
    expect(created.status).toBe(200);
    expect(receiver.received.map((r) => r.method)).toEqual(['HEAD']);
    await admin('person', { op: 'createCard', memberId: seed.member.id, listId: seed.lists.TODO.id, name: 'Ada' });
    await waitFor(() => receiver.received.length === 2);
    const post = receiver.received[1];
    expect([post.method, post.url]).toEqual(['POST', '/hook?secret=x']);
    expect(verifyWebhookSignature(seed.appSecret, post.body, receiver.url, String(post.headers['x-trello-webhook']))).toBe(true);
    expect(JSON.parse(post.body)).toMatchObject({ model: { id: seed.board.id }, action: { type: 'createCard' } });
  });

  it('refuses a webhook whose callback answers HEAD with a redirect (not followed)', async () => {
    const redirecting = createServer((_request, response) => response.writeHead(302, { location: 'http://127.0.0.1:1/' }).end());
    closeAfter.push(redirecting);
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const callbackURL = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/exec`;
    const response = await api('/webhooks', { method: 'POST', body: JSON.stringify({ callbackURL, idModel: seed.board.id }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: `URL (${callbackURL}) did not return 200 status code, got 302`, error: 'ERROR' });
  });
});

describe('server-main', () => {
  it('prints {"url"} once listening and serves the API', async () => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'emulator/trello/server-main.ts', '--port', '0'], {
      cwd: `${__dirname}/../../..`,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`server-main exited with ${code}`)));
      });
      const { url } = JSON.parse(line) as { url: string };
      const response = await fetch(`${url}/1/members/me`);
      expect([response.status, await response.text()]).toEqual([401, 'unauthorized permission requested']);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
