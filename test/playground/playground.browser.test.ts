// The playground in Debian's chromium: seeded sheet and board, a status edit moves its card, a dragged card changes
// its status cell (webhook → doPost over loopback), and the real sidebar answers "Sync now" — all through dist/Code.js.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../emulator/playground/playground';
import { SAMPLE_LEADS } from '../../emulator/playground/sample-leads';
import { findChromium } from './chromium-path';

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
/** Screenshots the docs show (docs/screenshots.md), rewritten on every run. */
// The screenshots shown in docs/ are taken on every run; they replace the committed ones only with UPDATE_SCREENSHOTS=1,
// so that a test run leaves the working tree as it was.
const IMAGES = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(__dirname, '..', '..', 'docs', 'images') : fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));

let playground: Playground | undefined;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;
let page: Page;
/** Console errors and uncaught exceptions of the page and its sidebar frame; any one fails the test it happened in. */
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
  // dist/ is built once by jest's global setup; building again here would race other test files reading it.
  playground = await startPlayground({ port: 0, build: false });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    timeout: 20_000,
  });
  context.setDefaultTimeout(10_000);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console error: ${message.text()}`);
  });
  await page.goto(playground.url);
}, 45_000);

afterEach(() => {
  const errors = pageErrors.splice(0);
  if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
});

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

  it('shows every lead column whole at 1280×800, without scrolling the sheet', async () => {
    const headers = ['A1', 'B1', 'C1', 'D1', 'E1', 'F1'];
    const clipped = await page.evaluate((labels) => {
      const visible = document.getElementById('sheet')!.getBoundingClientRect();
      return labels.filter((label) => {
        const input = document.querySelector(`input[aria-label="LeadTracker ${label}"]`) as HTMLInputElement;
        const box = input.getBoundingClientRect();
        return box.left < visible.left || box.right > visible.right || input.scrollWidth > input.clientWidth;
      });
    }, headers);
    expect(clipped).toEqual([]);
    expect(await cell('F1').inputValue()).toBe('trello_card_id');
  });

  it('hides the executions that did nothing until asked to show them', async () => {
    /** How many listed runs read no sheet data, sent nothing to Trello and succeeded. */
    const noOpRows = () =>
      page.locator('.executions-table tbody tr').evaluateAll((rows) =>
        rows.filter((row) => {
          const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
          return cells[3] === '0' && cells[5] === '0' && cells[6] === 'ok';
        }).length,
      );
    const hide = page.getByLabel('Hide runs that did nothing');
    expect(await hide.isChecked()).toBe(true);
    await waitFor('some executions listed', async () => (await page.locator('.executions-table tbody tr').count()) > 0);
    expect(await noOpRows()).toBe(0);
    await hide.uncheck();
    // The sidebar's live poll runs every few seconds and usually finds nothing to do.
    await waitFor('a run that did nothing to be listed', async () => (await noOpRows()) > 0);
    await hide.check();
    await waitFor('the runs that did nothing to be hidden again', async () => (await noOpRows()) === 0);
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

  it('renames a card from the board (Enter commits, no page error) and the lead’s name follows', async () => {
    const card = cardIn('TODO', 'Ada Lovelace');
    await card.getByRole('button', { name: 'Rename Ada Lovelace' }).click();
    const field = page.getByLabel('New name for Ada Lovelace');
    await field.fill('Ada King');
    await field.press('Enter');
    await waitFor('the sheet to show the new name', async () => (await cell(`B${rowOf('Ada Lovelace')}`).inputValue()) === 'Ada King');
    expect(await cardIn('TODO', 'Ada King').count()).toBe(1);
    // Escape leaves the name as it was.
    await cardIn('TODO', 'Ada King').getByRole('button', { name: 'Rename Ada King' }).click();
    await page.getByLabel('New name for Ada King').press('Escape');
    expect(await cardIn('TODO', 'Ada King').locator('.card-name').innerText()).toBe('Ada King');
  });

  it('shows labels, members and the due date on a card, and a person edits them in the card\'s editor', async () => {
    const card = page.locator('.card', { hasText: 'Donald Knuth' });
    expect(await card.locator('.label-chip, .member-avatar, .due').count()).toBe(0);
    await card.getByRole('button', { name: 'Edit labels, members and due date of Donald Knuth' }).click();
    await page.getByLabel('Label (red) on Donald Knuth').check();
    await waitFor('a red label on the card', async () => (await card.locator('.label-chip[data-color="red"]').count()) === 1);
    await page.getByLabel('Member demo on Donald Knuth').check();
    await waitFor('the member on the card', async () => (await card.locator('.member-avatar').innerText()) === 'D');
    const due = page.getByLabel('Due date of Donald Knuth', { exact: true });
    await due.fill('2026-03-01T09:30');
    await due.blur();
    await waitFor('the due date on the card', async () => (await card.locator('.due').count()) === 1 && (await card.locator('.due').innerText()).includes('1 Mar 2026, 09:30'));
    await page.getByLabel('Due date of Donald Knuth complete').check();
    await waitFor('the due date shown complete', async () => (await card.locator('.due.complete').count()) === 1);
    await page.getByLabel('Label (red) on Donald Knuth').uncheck();
    await waitFor('the label gone', async () => (await card.locator('.label-chip').count()) === 0);
    // Each edit went through the Trello emulator as the person's own action.
    const { board } = await playground!.world.state();
    const stored = board.cards.find((candidate) => candidate.name === 'Donald Knuth')!;
    expect(stored).toMatchObject({ idLabels: [], idMembers: [board.members[0].id], dueComplete: true });
    expect(new Date(stored.due!).getTime()).toBe(new Date(2026, 2, 1, 9, 30).getTime());
    await card.getByRole('button', { name: 'Remove the due date of Donald Knuth' }).click();
    await waitFor('the due date removed', async () => (await card.locator('.due').count()) === 0);
    await card.getByRole('button', { name: 'Edit labels, members and due date of Donald Knuth' }).click();
    expect(await page.locator('.card-editor').count()).toBe(0);
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

    await page.screenshot({ path: path.join(IMAGES, 'playground.png') });
    await page.locator('#sidebar').screenshot({ path: path.join(IMAGES, 'sidebar-connected.png') });
  });

  it('sidebar at 300 px: no serious or critical accessibility violation, and Sync now works from the keyboard', async () => {
    expect(await page.locator('#sidebar').evaluate((frame) => frame.clientWidth)).toBe(300);
    const frame = await (await page.locator('#sidebar').elementHandle())!.contentFrame();
    await frame!.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    // axe's rules include a name for every button, field and select (labelled controls) and keyboard reachability.
    const violations = await frame!.evaluate(async () => {
      const report = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe.run(document);
      return report.violations.map(({ id, impact, nodes }) => ({ id, impact, count: nodes.length }));
    });
    expect(violations.filter(({ impact }) => impact === 'serious' || impact === 'critical')).toEqual([]);

    const syncRuns = () => playground!.world.gas.executions.filter((execution) => execution.functionName === 'syncNow').length;
    const before = syncRuns();
    const syncNow = page.frameLocator('#sidebar').getByRole('button', { name: 'Sync now' });
    // From the status panel's first control, Tab alone reaches the action.
    await page.frameLocator('#sidebar').getByRole('button', { name: 'Refresh' }).focus();
    for (let presses = 0; presses < 10 && !(await syncNow.evaluate((button) => button === document.activeElement)); presses++) await page.keyboard.press('Tab');
    expect(await syncNow.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await waitFor('a sync started from the keyboard', async () => syncRuns() > before);
  });

  it('edits the column ⇄ card field pairs in the sidebar and saves them as FIELD_MAPPING', async () => {
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.getByRole('button', { name: 'Load columns and board fields' }).click();
    await waitFor('the board fields to be offered', async () => (await sidebar.locator('#card-fields option').count()) > 0);
    expect(await sidebar.locator('#sheet-columns option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(['name', 'email', 'source']);
    // Today's pairs are shown; the e-mail line is made two-way.
    const rows = sidebar.locator('#field-mapping-rows tr');
    expect(await rows.count()).toBe(3);
    await rows.nth(1).getByLabel('Direction').selectOption('both');
    await sidebar.getByRole('button', { name: 'Save settings' }).click();
    const store = () => playground!.world.gas.scriptProperties.get('FIELD_MAPPING');
    await waitFor('FIELD_MAPPING to be saved', async () => store() !== null);
    expect(JSON.parse(store() ?? '')).toEqual([
      { column: 'name', field: 'name', direction: 'both' },
      { column: 'email', field: 'desc:Email', direction: 'both' },
      { column: 'source', field: 'desc:Source', direction: 'toTrello' },
    ]);
  });

  describe('sidebar states (screenshots for the docs)', () => {
    const sidebar = () => page.frameLocator('#sidebar');
    /** Refreshes the sidebar until its status shows `pattern`, screenshots it as docs/images/sidebar-`name`.png, and returns its text. */
    async function shoot(name: string, pattern: RegExp): Promise<string> {
      const text = () => sidebar().locator('body').innerText();
      await waitFor(`the sidebar to show ${pattern}`, async () => {
        await sidebar().getByRole('button', { name: 'Refresh' }).click();
        return pattern.test(await text());
      });
      await page.locator('#sidebar').screenshot({ path: path.join(IMAGES, `sidebar-${name}.png`) });
      return text();
    }

    it('flags a row whose status is not one of the statuses', async () => {
      const status = cell(`D${rowOf('Grace Hopper')}`);
      await status.fill('MAYBE');
      await status.press('Enter');
      await waitFor('the status cell to be flagged', async () => (await status.locator('..').getAttribute('class'))?.includes('flagged') === true);
      expect(await shoot('problem-rows', /1 row\(s\) need attention/)).toMatch(/Unknown status "MAYBE"/);
    });

    it('tells that Trello had deactivated the webhook and the sync switched it back on', async () => {
      await playground!.world.deactivateWebhook();
      // A full sync reads the webhook as Trello shows it.
      await sidebar().getByRole('button', { name: 'Sync now' }).click();
      expect(await shoot('webhook-deactivated', /Trello had deactivated the webhook after \d+ failed deliveries/)).toMatch(/Registered, active/);
    });

    it('shows triggers set up by another editor', async () => {
      const world = playground!.world;
      expect(world.gas.run('removeTriggers').error).toBeUndefined();
      expect(world.gas.as('bob@example.com').run('installTriggers').error).toBeUndefined();
      expect(await shoot('triggers-other-editor', /Set up by bob@example\.com/)).toMatch(/Triggers\s*Installed/);
    });
  });
});
