// The playground in Debian's chromium: seeded sheet and board, a status edit moves its card, a dragged card changes
// its status cell (webhook → doPost over loopback), and the real sidebar answers "Sync now" — all through dist/Code.js.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
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

/** Collects the console errors and uncaught exceptions of `target` (and its frames) into pageErrors. */
function watchErrors(target: Page): void {
  target.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
  target.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console error: ${message.text()}`);
  });
}

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
/** The dropdown of a cell with a data validation rule. */
const chip = (a1: string) => page.getByLabel(`LeadTracker ${a1} choices`, { exact: true });
/** The names in column B, top to bottom, as the grid shows them (row 1 is the header). */
const names = () => page.locator('input[aria-label^="LeadTracker B"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
/** Executions of `functionName` so far. */
const runsOf = (functionName: string) => playground!.world.gas.executions.filter((execution) => execution.functionName === functionName).length;

/** Puts `text` on a paste event at `a1`, as Ctrl+V of cells copied from a spreadsheet does. */
async function paste(a1: string, text: string): Promise<void> {
  await cell(a1).evaluate((input, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    input.focus();
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** axe-core's serious and critical violations in `frame` (its rules include a name for every control, and keyboard reachability). */
async function axeViolations(frame: Frame): Promise<{ id: string; impact: string | null; count: number }[]> {
  await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await frame.evaluate(async () => {
    const report = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe.run(document);
    return report.violations.map(({ id, impact, nodes }) => ({ id, impact, count: nodes.length }));
  });
  return violations.filter(({ impact }) => impact === 'serious' || impact === 'critical');
}

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
  watchErrors(page);
  await page.goto(playground.url);
}, 150_000);

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

  it('offers each status cell the dropdown of the sheet’s data validation; a choice moves the card, from the keyboard too', async () => {
    const row = rowOf('Donald Knuth');
    const rule = playground!.world.gas.spreadsheet.sheet('LeadTracker')!.cell(row, 4).validation;
    expect(rule?.values).toContain('COMPLETED');
    const dropdown = chip(`D${row}`);
    expect(await dropdown.locator('option').allTextContents()).toEqual(['(blank)', ...rule!.values]);
    expect(await dropdown.inputValue()).toBe('CONTACTED');
    // Tab from the status cell reaches its dropdown.
    await cell(`D${row}`).focus();
    await page.keyboard.press('Tab');
    expect(await dropdown.evaluate((select) => select === document.activeElement)).toBe(true);
    await dropdown.selectOption('COMPLETED');
    await waitFor('Donald Knuth’s card in DONE', async () => (await cardIn('DONE', 'Donald Knuth').count()) === 1);
    expect(await cell(`D${row}`).inputValue()).toBe('COMPLETED');
  });

  it('pastes a block of cells as one edit: the edit trigger creates the new lead’s card and flags the bad row at once', async () => {
    const edits = runsOf('onSheetEdit');
    const rows = SAMPLE_LEADS.length + 2;
    await paste(`A${rows}`, 'L-109\tBarbara McClintock\tbarbara@cshl.example\tNEW\tWebsite\r\nL-110\tRosalind Franklin\trosalind@kings.example\tWON\tReferral\r\n');
    await waitFor('the new lead’s card in TODO', async () => (await cardIn('TODO', 'Barbara McClintock').count()) === 1);
    expect(runsOf('onSheetEdit')).toBe(edits + 1);
    expect(await cell(`E${rows + 1}`).inputValue()).toBe('Referral');
    const bad = cell(`D${rows + 1}`).locator('..');
    await waitFor('the WON row to be flagged and marked invalid', async () => /flagged/.test((await bad.getAttribute('class')) ?? ''));
    expect(await bad.getAttribute('class')).toMatch(/invalid/);
    expect(await cardIn('TODO', 'Rosalind Franklin').count()).toBe(0);
    // Fixed from the dropdown: the flag goes and the card is made.
    await chip(`D${rows + 1}`).selectOption('NEW');
    await waitFor('the fixed lead’s card in TODO', async () => (await cardIn('TODO', 'Rosalind Franklin').count()) === 1);
    await waitFor('the flag to go', async () => !/flagged/.test((await bad.getAttribute('class')) ?? ''));
  });

  it('inserts, deletes and sorts rows through the emulator; the add-on keeps each lead with its card', async () => {
    const grace = rowOf('Grace Hopper');
    await cell(`B${grace}`).click();
    await page.getByRole('button', { name: 'Insert row above' }).click();
    await waitFor('a blank row above Grace Hopper', async () => (await cell(`B${grace + 1}`).inputValue()) === 'Grace Hopper');
    expect(await cell(`B${grace}`).inputValue()).toBe('');
    // The moved row is still Grace Hopper's: her status edit moves her card.
    await chip(`D${grace + 1}`).selectOption('COMPLETED');
    await waitFor('Grace Hopper’s card in DONE', async () => (await cardIn('DONE', 'Grace Hopper').count()) === 1);
    await cell(`B${grace}`).click();
    await page.getByRole('button', { name: 'Delete row' }).click();
    await waitFor('the blank row to go', async () => (await cell(`B${grace}`).inputValue()) === 'Grace Hopper');

    const before = await names();
    await cell('B2').click();
    await page.getByRole('button', { name: 'Sort Z → A' }).click();
    const leads = before.slice(1).filter(Boolean);
    await waitFor('the leads sorted by name, Z to A', async () => (await names()).slice(1, leads.length + 1).join('|') === [...leads].sort().reverse().join('|'));
    expect((await names())[0]).toBe('name');
    // A card moved on the board finds its lead's row where the sort put it.
    const margaret = (await names()).indexOf('Margaret Hamilton') + 1;
    await page.getByLabel('Move Margaret Hamilton to list').selectOption({ label: 'DONE' });
    await waitFor('Margaret Hamilton’s sorted row to say COMPLETED', async () => (await cell(`D${margaret}`).inputValue()) === 'COMPLETED');
    expect(await page.locator('.card').count()).toBe(leads.length);

    // Sorted back by id (from the keyboard), the rows are where the other tests expect them.
    await cell('A2').click();
    await page.getByRole('button', { name: 'Sort A → Z' }).focus();
    await page.keyboard.press('Enter');
    await waitFor('the leads in id order again', async () => (await cell(`B${grace}`).inputValue()) === 'Grace Hopper');
  });

  it('shows the add-on’s menu from onOpen: Sync now runs a sync, Open sidebar opens the closed sidebar, all from the keyboard', async () => {
    const menu = page.getByRole('button', { name: 'Trello Sync' });
    expect(await page.getByRole('menuitem').count()).toBe(0);
    await menu.focus();
    await page.keyboard.press('ArrowDown');
    const items = page.getByRole('menuitem');
    expect(await items.allTextContents()).toEqual(['Sync now', 'Open sidebar', 'Set up triggers', 'Register webhook']);
    expect(await items.first().evaluate((item) => item === document.activeElement)).toBe(true);
    const syncs = runsOf('syncNow');
    await page.keyboard.press('Enter');
    await waitFor('the menu’s sync', async () => runsOf('syncNow') === syncs + 1);
    await waitFor('its toast', async () => /^Trello Sync: /.test(await page.locator('#toast').innerText()));

    await page.getByRole('button', { name: 'Close sidebar' }).click();
    expect(await page.locator('#sidebar-pane').isVisible()).toBe(false);
    await menu.click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await items.count()).toBe(0);
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    await menu.click();
    await page.getByRole('menuitem', { name: 'Open sidebar' }).click();
    await waitFor('the sidebar to open again', async () => page.locator('#sidebar-pane').isVisible());
    expect(await page.locator('#sidebar').getAttribute('src')).toMatch(/^\/sidebar\?shown=\d+$/);
    await waitFor('the sidebar status', async () => /Trello\s*Connected/.test(await page.frameLocator('#sidebar').locator('#status').innerText()));
  });

  it('page at 1280×800: no serious or critical accessibility violation in the sheet, menu, row tools, board and executions', async () => {
    expect(await axeViolations(page.mainFrame())).toEqual([]);
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
    // Every server call holds the buttons (the status refresh and the live poll too): they come back once those end.
    await waitFor('Sync now to be enabled again', () => syncNow.isEnabled());

    // The panes as a person first sees them, each scrolled to its top.
    await page.evaluate(() => document.querySelectorAll('.pane').forEach((pane) => pane.scrollTo(0, 0)));
    await page.screenshot({ path: path.join(IMAGES, 'playground.png') });
    await page.locator('#sidebar').screenshot({ path: path.join(IMAGES, 'sidebar-connected.png') });
  });

  it('sidebar at 300 px: no serious or critical accessibility violation, and Sync now works from the keyboard', async () => {
    expect(await page.locator('#sidebar').evaluate((frame) => frame.clientWidth)).toBe(300);
    const frame = await (await page.locator('#sidebar').elementHandle())!.contentFrame();
    expect(await axeViolations(frame!)).toEqual([]);

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

  it('offers "create missing labels" on a labels pair only, as a labelled checkbox the keyboard ticks', async () => {
    const sidebar = page.frameLocator('#sidebar');
    const rows = sidebar.locator('#field-mapping-rows tr');
    const before = await rows.count();
    await sidebar.getByRole('button', { name: '+ Add column' }).click();
    const added = rows.nth(before);
    const createMissing = added.getByRole('checkbox', { name: 'create missing labels' });
    expect(await createMissing.isVisible()).toBe(false);
    await added.getByLabel('Card field').fill('labels');
    expect(await createMissing.isVisible()).toBe(true);
    await createMissing.focus();
    await page.keyboard.press('Space');
    expect(await createMissing.isChecked()).toBe(true);
    await added.getByLabel('Card field').fill('members');
    expect(await createMissing.isVisible()).toBe(false);
    await added.getByRole('button', { name: 'Remove this row' }).click();
    expect(await rows.count()).toBe(before);
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

    it('tells that Trello deactivated the webhook after failed deliveries, and that a full sync switched it back on', async () => {
      const world = playground!.world;
      // Trello's rule, shortened from 1,000 failures over 30 days; the web app taken down, so deliveries fail.
      await world.setWebhookDeactivation({ failures: 1, days: 0 });
      await world.undeploy();
      const status = cell(`D${rowOf('Ada Lovelace')}`);
      expect(await status.inputValue()).toBe('NEW');
      await page.getByLabel('Move Ada King to list').selectOption({ label: 'IN_PROGRESS' });
      await waitFor('Trello to deactivate the webhook', async () => !(await world.webhook()).active);
      expect(await status.inputValue()).toBe('NEW');
      await world.deploy('ANYONE_ANONYMOUS');
      await world.setWebhookDeactivation({ failures: 1000, days: 30 });
      await sidebar().getByRole('button', { name: 'Sync now' }).click();
      const text = await shoot('webhook-deactivated', /Trello had deactivated the webhook after \d+ failed deliveries; a full sync switched it back on/);
      expect(text).toMatch(/Registered, active/);
      expect((await world.webhook()).active).toBe(true);
      // The move made while the webhook was dead reached the sheet with that sync.
      await waitFor('Ada King’s status to follow her card', async () => (await status.inputValue()) === 'CONTACTED');
    });

    it('shows triggers set up by another editor', async () => {
      const world = playground!.world;
      expect(world.gas.run('removeTriggers').error).toBeUndefined();
      expect(world.gas.as('bob@example.com').run('installTriggers').error).toBeUndefined();
      expect(await shoot('triggers-other-editor', /Set up by bob@example\.com/)).toMatch(/Triggers\s*Installed/);
    });

    it('shows a long sync’s progress as a bar while it runs: the sidebar’s poll is answered beside the sync', async () => {
      const world = playground!.world;
      const cards = await page.locator('.card').count();
      const firstEmpty = (await names()).findIndex((name, index) => index > 0 && name === '') + 1;
      const block = Array.from({ length: 40 }, (_, i) => [`L-${201 + i}`, `Prospect ${i + 1}`, `prospect${i + 1}@example.com`, 'NEW', 'Website'].join('\t'));
      const bar = sidebar().locator('#progress');
      // Trello answering each request 300 ms late: the edit trigger's 40 creates take about 12 s.
      await world.slowTrello(300);
      try {
        await paste(`A${firstEmpty}`, block.join('\n'));
        await waitFor('the progress bar', () => bar.isVisible(), 30_000);
        expect(await sidebar().locator('#progress-text').innerText()).toMatch(/^\d+ of 40 cards created — about \d+ (s|min) left$/);
        // The page's own requests wait for the sync, so on a loaded machine the capture may have to wait for it too.
        await page.locator('#sidebar').screenshot({ path: path.join(IMAGES, 'sidebar-progress.png'), timeout: 60_000 });
      } finally {
        await world.slowTrello(0);
      }
      await waitFor('the 40 new cards', async () => (await page.locator('.card').count()) === cards + 40, 30_000);
      await waitFor('the bar to close', async () => !(await bar.isVisible()));
    }, 120_000);
  });
});

describe('first run (npm start -- --first-run)', () => {
  let firstRun: Playground | undefined;
  let setup: Page;

  beforeAll(async () => {
    firstRun = await startPlayground({ port: 0, build: false, firstRun: true });
    setup = await context!.newPage();
    watchErrors(setup);
    await setup.goto(firstRun.url);
  }, 150_000);

  afterAll(async () => {
    await setup?.close();
    await firstRun?.close();
  });

  it('starts disconnected, and the sidebar takes a person through setup until the board and the sheet sync', async () => {
    const side = setup.frameLocator('#sidebar');
    const status = side.locator('#status');
    const message = side.locator('#message');
    /** Clicks a sidebar button and waits for the message it leads to. */
    async function click(name: string, expected: RegExp): Promise<void> {
      await side.getByRole('button', { name, exact: true }).click();
      await waitFor(`"${name}" to answer ${expected}`, async () => expected.test(await message.innerText()));
    }
    await waitFor('the sidebar to say Trello is not connected', async () => /Trello\s*Not connected/.test(await status.innerText()));
    expect(await status.innerText()).toMatch(/Triggers\s*Not installed[\s\S]*Webhook\s*Not registered[\s\S]*Sync\s*Not syncing/);
    await waitFor('the sidebar not to claim it is live', async () => /not live: nothing syncs until Trello is connected/.test(await side.locator('#live').innerText()));
    expect(firstRun!.world.gas.triggers()).toEqual([]);
    expect(await axeViolations(setup.mainFrame())).toEqual([]);
    expect(await axeViolations((await (await setup.locator('#sidebar').elementHandle())!.contentFrame())!)).toEqual([]);
    await setup.locator('#sidebar').screenshot({ path: path.join(IMAGES, 'sidebar-first-run.png') });

    // The key and token, as Trello's API key page shows them, pasted into the sidebar.
    await side.getByLabel('API key').fill(await setup.getByLabel('API key').inputValue());
    await side.getByLabel('Token').fill(await setup.getByLabel('Token').inputValue());
    await click('Save settings', /Settings saved/);
    await click('Load boards', /1 board\(s\) found/);
    await side.getByLabel('Board', { exact: true }).selectOption({ label: 'Sales leads' });
    await click('Save settings', /Settings saved/);
    await waitFor('Trello connected', async () => /Trello\s*Connected/.test(await status.innerText()));
    await click('Set up triggers', /Triggers ready/);
    expect(firstRun!.world.gas.triggers().map((trigger) => trigger.handlerFunction).sort()).toEqual(['onSchedule', 'onSheetEdit']);
    // With access "Anyone" Trello's check of the web app gets a 403: the sidebar says how to get past it.
    await click('Register webhook', /answered 403[\s\S]*Only myself/);
    await setup.getByLabel('Web app access').selectOption('MYSELF');
    await click('Register webhook', /Webhook registered/);
    await setup.getByLabel('Web app access').selectOption('ANYONE_ANONYMOUS');
    await click('Sync now', /8 card\(s\) created/);
    await waitFor('eight cards on the board', async () => (await setup.locator('.card').count()) === SAMPLE_LEADS.length);

    // Both directions now work: a status edit moves its card, a moved card changes its status.
    const row = rowOf('Alan Turing');
    await setup.getByLabel(`LeadTracker D${row} choices`, { exact: true }).selectOption('LOST');
    await waitFor('Alan Turing’s card in DONE', async () => (await setup.locator('section[aria-label="List DONE"] .card', { hasText: 'Alan Turing' }).count()) === 1);
    await setup.getByLabel('Move Ada Lovelace to list').selectOption({ label: 'IN_PROGRESS' });
    await waitFor('Ada Lovelace’s status to follow', async () => (await setup.getByLabel(`LeadTracker D${rowOf('Ada Lovelace')}`, { exact: true }).inputValue()) === 'CONTACTED');
  });
});
