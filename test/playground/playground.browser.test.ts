// The playground in Debian's chromium: seeded sheet and board, a status edit moves its card, a dragged card changes
// its status cell (webhook → doPost over loopback), and the real sidebar answers "Sync now" — all through dist/Code.js.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../emulator/playground/playground';
import { SAMPLE_LEADS } from '../../emulator/playground/sample-leads';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The longest a change may take to show up on the other side. */
const SYNC_WAIT_MS = 15_000;
const SCREENSHOT = path.join(os.tmpdir(), 'playground-browser-test.png');

let playground: Playground | undefined;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;
let page: Page;
const pageErrors: string[] = [];

/** Polls `check` until it holds, failing with `what` after `timeoutMs`. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = SYNC_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const cell = (a1: string) => page.getByLabel(`LeadTracker ${a1}`, { exact: true });
const cardIn = (list: string, name: string) => page.locator(`section[aria-label="List ${list}"] .card`, { hasText: name });
/** The 1-based sheet row of a sample lead (row 1 is the header). */
const rowOf = (name: string) => SAMPLE_LEADS.findIndex((lead) => lead[1] === name) + 2;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing. Install Debian's browser first: apt-get update && apt-get install -y chromium (no browser is ever downloaded).`);
  }
  // dist/ is built once by jest's global setup; building again here would race other test files reading it.
  playground = await startPlayground({ port: 0, build: false });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1440, height: 900 },
    timeout: 20_000,
  });
  context.setDefaultTimeout(10_000);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(playground.url);
}, 45_000);

afterAll(async () => {
  await context?.close();
  await playground?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

describe('playground page', () => {
  it('shows the seeded leads in the sheet and their cards on the board', async () => {
    await waitFor('the sheet to show the first lead', async () => (await cell('B2').inputValue()) === 'Ada Lovelace');
    await waitFor('eight cards on the board', async () => (await page.locator('.card').count()) === SAMPLE_LEADS.length);
    expect(await cardIn('TODO', 'Ada Lovelace').count()).toBe(1);
    expect(await cardIn('IN_PROGRESS', 'Alan Turing').count()).toBe(1);
    expect(await cardIn('DONE', 'Barbara Liskov').count()).toBe(1);
    expect(await cell(`F${rowOf('Ada Lovelace')}`).inputValue()).toMatch(/^[0-9a-f]{24}$/);
  });

  it('moves the card to DONE when a status cell is edited to COMPLETED', async () => {
    const status = cell(`D${rowOf('Katherine Johnson')}`);
    expect(await status.inputValue()).toBe('NEW');
    await status.fill('COMPLETED');
    await status.press('Enter');
    await waitFor('Katherine Johnson’s card in DONE', async () => (await cardIn('DONE', 'Katherine Johnson').count()) === 1);
    expect(await cardIn('TODO', 'Katherine Johnson').count()).toBe(0);
  });

  it('changes the status cell when a card is dragged to another list', async () => {
    const card = cardIn('TODO', 'Margaret Hamilton');
    await page.dragAndDrop(`[data-card-id="${await card.getAttribute('data-card-id')}"]`, 'section[aria-label="List IN_PROGRESS"]');
    const status = cell(`D${rowOf('Margaret Hamilton')}`);
    await waitFor('Margaret Hamilton’s status to become CONTACTED', async () => (await status.inputValue()) === 'CONTACTED');
    expect(await cardIn('IN_PROGRESS', 'Margaret Hamilton').count()).toBe(1);
  });

  it('runs the real sidebar: connection state, then "Sync now" with its result message', async () => {
    const sidebar = page.frameLocator('#sidebar');
    const status = sidebar.locator('#status');
    await waitFor('the sidebar status', async () => /Trello\s*Connected/.test(await status.innerText()));
    expect(await status.innerText()).toMatch(/Webhook\s*Registered/);
    // Secrets are write-only: the fields are password fields and come back empty.
    expect(await sidebar.locator('#trello-token').getAttribute('type')).toBe('password');
    expect(await sidebar.locator('#trello-token').inputValue()).toBe('');

    const syncNow = sidebar.getByRole('button', { name: 'Sync now' });
    await syncNow.click();
    const message = sidebar.locator('#message');
    await waitFor('the sync result message', async () => (await message.getAttribute('data-kind')) === 'ok');
    expect(await message.isVisible()).toBe(true);
    expect((await message.innerText()).length).toBeGreaterThan(0);
    expect(await syncNow.isEnabled()).toBe(true);

    await page.screenshot({ path: SCREENSHOT });
    expect(pageErrors).toEqual([]);
  });
});
