// End to end over loopback HTTP: a card moved in the Trello emulator (its own process) reaches the sheet through a
// real webhook POST to the Apps Script emulator's web app, and doPost reads the card back over HTTP.
import path from 'node:path';
import { startChildServer, type ChildServer } from '../../emulator/child-server';
import { SystemClock } from '../../emulator/clock';
import { createSyncHttpTransport, GasEmulator, SpreadsheetModel } from '../../emulator/gas';
import type { SeededWorkspace } from '../../emulator/trello';
import { DIST, HEADER } from './sync-world';

const ROOT = path.join(__dirname, '../..');
const SECRET = 'c0ffee'.repeat(6);

let trello: ChildServer;
let trelloUrl: string;

beforeAll(async () => {
  trello = await startChildServer(path.join(ROOT, 'emulator/trello/server-main.ts'), ['--port', '0']);
  trelloUrl = trello.url;
}, 20_000);

afterAll(async () => {
  await trello?.stop();
});

async function admin<T>(route: string, body: object): Promise<T> {
  const response = await fetch(`${trelloUrl}/_emulator/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('a card moved on the board changes the status cell through a real webhook', async () => {
  const workspace = await admin<SeededWorkspace>('seed', { username: 'loop' });
  const toTrelloServer = createSyncHttpTransport({ timeoutMs: 10_000 });
  const spreadsheet = new SpreadsheetModel({ name: 'Leads' });
  spreadsheet.addSheet('LeadTracker', [HEADER, ['L1', 'Ada', 'ada@example.com', 'NEW', 'Web', '']]);
  const gas = GasEmulator.fromDist(DIST, {
    clock: new SystemClock(),
    spreadsheet,
    // UrlFetchApp calls https://api.trello.com/1/…; here that host is the emulator's process on loopback.
    fetch: (request) => toTrelloServer({ ...request, url: request.url.replace('https://api.trello.com', trelloUrl) }),
  });
  const server = await gas.startWebAppServer();
  try {
    const execUrl = `${server.url}/macros/s/loopback/exec`;
    for (const [key, value] of Object.entries({ TRELLO_KEY: workspace.key, TRELLO_TOKEN: workspace.token, TRELLO_BOARD_ID: workspace.board.id, WEBHOOK_SECRET: SECRET })) {
      gas.scriptProperties.set(key, value);
    }
    expect(gas.run('syncNow').error).toBeUndefined();
    const cardId = String(spreadsheet.sheet('LeadTracker')?.cell(2, 6).value);
    expect(cardId).toMatch(/^[0-9a-f]{24}$/);

    // Trello's HEAD check passes while the web app is "Only myself"; deliveries need "Anyone".
    gas.deployWebApp({ url: execUrl, access: 'MYSELF' });
    const created = await fetch(`${trelloUrl}/1/webhooks`, {
      method: 'POST',
      headers: { authorization: `OAuth oauth_consumer_key="${workspace.key}", oauth_token="${workspace.token}"`, 'content-type': 'application/json' },
      body: JSON.stringify({ callbackURL: `${execUrl}?secret=${SECRET}`, idModel: workspace.board.id }),
      signal: AbortSignal.timeout(5_000),
    });
    expect(created.status).toBe(200);
    gas.deployWebApp({ url: execUrl, access: 'ANYONE_ANONYMOUS' });

    await admin('person', { op: 'moveCard', memberId: workspace.member.id, cardId, listId: workspace.lists.DONE.id });
    await eventually(() => spreadsheet.sheet('LeadTracker')?.cell(2, 4).value === 'COMPLETED', 'the status cell to follow the card');
    // The cell changed through doPost executions (no other kind ran since the sync), and none of them failed.
    const deliveries = gas.executions.filter((execution) => execution.functionName === 'doPost');
    expect(gas.executions.map((execution) => execution.functionName)).toEqual(['syncNow', ...deliveries.map(() => 'doPost')]);
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.filter((execution) => execution.error !== undefined)).toEqual([]);
  } finally {
    await server.close();
    toTrelloServer.close();
  }
}, 30_000);
