// The playground's world: the built bundle in the Apps Script emulator (this process) on the system clock, talking
// over real HTTP to the Trello emulator and reached by its webhooks through the web app front (child processes).
import { SystemClock } from '../clock';
import { createSyncHttpTransport, GasEmulator, NO_CALL_COSTS, SpreadsheetModel, type ExecutionResult, type RunOptions, type RunningServer, type WebAppAccess } from '../gas';
import { columnLetters } from '../gas/spreadsheet/a1-notation';
import type { SeededWorkspace } from '../trello';
import { startChildServer, type ChildServer } from '../child-server';
import type { BoardChange, EditRequest, MenuResult, MenuView, PlaygroundState, RowsRequest } from './playground-types';
import { LEAD_HEADER, SAMPLE_LEADS } from './sample-leads';
import { type BoardState, boardView, executionView, sheetView } from './state-views';
import { trelloTransport } from './trello-transport';
import { FRONT_DEPLOYMENT_PATH } from './web-app-front';

/** The tab the add-on syncs (its default name). */
export const LEAD_SHEET = 'LeadTracker';
/** How many executions the page receives (it lists fewer, and may hide the runs that did nothing). */
const SENT_EXECUTIONS = 40;
/** Empty rows the grid shows below the data, where a person adds a lead. */
const EXTRA_ROWS = 2;
/** The path of the deployment's /exec URL, as Apps Script forms it. */
const EXEC_PATH = '/macros/s/AKfycbPlayground/exec';

async function requestJson<T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T> {
  const send = () =>
    fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  // A long execution blocks this thread past the servers' keep-alive time: a pooled connection they closed meanwhile
  // fails at once ("fetch failed"); a read is sent again on a new one.
  const response = await send().catch((error: unknown) => (method === 'GET' ? send() : Promise.reject(error)));
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${new URL(url).pathname} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

type Closer = () => Promise<void> | void;

/** Runs the closers, last opened first, and empties the list. */
async function closeAll(closers: Closer[]): Promise<void> {
  for (const close of closers.splice(0).reverse()) await close();
}

/** Runs a function of the bundle; an execution error is thrown with the execution's log. */
function runOrThrow<T>(gas: GasEmulator, name: string, event?: unknown, options?: RunOptions): T {
  const result = gas.run<T>(name, event, options);
  if (result.error !== undefined) throw new Error(`${name} failed: ${result.error}\n${result.logs.join('\n')}`);
  return result.returnValue as T;
}

/** The errors of these executions, each with its function's name. */
function errorsOf(results: ExecutionResult[]): string[] {
  return results.flatMap((result) => (result.error === undefined ? [] : [`${result.functionName}: ${result.error}`]));
}

/** The emulated spreadsheet, Trello board and bound script of the playground. */
export class PlaygroundWorld {
  private webAppAccess: WebAppAccess = 'ANYONE_ANONYMOUS';
  /** The menus the latest onOpen added (the spreadsheet's menu bar). */
  private menus: MenuView[] = [];
  /** Set in first-run mode: the page shows the account's key and token, as Trello's API key page does. */
  private showsAccount = false;

  private constructor(
    readonly gas: GasEmulator,
    private readonly workspace: SeededWorkspace,
    private readonly trelloUrl: string,
    private readonly frontUrl: string,
    private readonly closers: Closer[],
    private readonly meanwhile: { work: (() => void) | undefined },
  ) {}

  /**
   * `work` runs at every service call of a running execution (not within itself): what it runs there overlaps that
   * execution, as a sidebar's call runs beside a long sync in Apps Script.
   */
  betweenCalls(work: () => void): void {
    this.meanwhile.work = work;
  }

  /** Starts the servers, seeds the board and the sheet, and loads the bundle of `distDir`; not yet connected. */
  static async start(distDir: string): Promise<PlaygroundWorld> {
    const closers: Closer[] = [];
    try {
      const trello: ChildServer = await startChildServer('emulator/trello/server-main.ts', ['--port', '0']);
      closers.push(trello.stop);
      const workspace = await requestJson<SeededWorkspace>('POST', `${trello.url}/_emulator/seed`, { username: 'demo', boardName: 'Sales leads' });
      const spreadsheet = new SpreadsheetModel({ name: 'Leads' });
      spreadsheet.addSheet(LEAD_SHEET, [LEAD_HEADER, ...SAMPLE_LEADS]);
      const http = createSyncHttpTransport({ timeoutMs: 30_000 });
      closers.push(() => http.close());
      // Set by betweenCalls(); never re-entered (what it runs has service calls of its own).
      const meanwhile = { work: undefined as (() => void) | undefined, running: false };
      const betweenCalls = () => {
        if (!meanwhile.work || meanwhile.running) return;
        meanwhile.running = true;
        try {
          meanwhile.work();
        } finally {
          meanwhile.running = false;
        }
      };
      // On the system clock real time passes by itself: calls need no emulated cost (it would only block the page).
      const gas = GasEmulator.fromDist(distDir, { clock: new SystemClock(), fetch: trelloTransport(http, trello.url), spreadsheet, callCosts: NO_CALL_COSTS, betweenCalls });
      const webAppServer: RunningServer = await gas.startWebAppServer();
      closers.push(() => webAppServer.close());
      const front = await startChildServer('emulator/playground/web-app-front-main.ts', ['--target', webAppServer.url]);
      closers.push(front.stop);
      return new PlaygroundWorld(gas, workspace, trello.url, front.url, closers, meanwhile);
    } catch (error) {
      await closeAll(closers);
      throw error;
    }
  }

  /**
   * What a user does once: enters key, token and board (script properties), sets up the triggers, registers the
   * webhook the documented way — web app access "Only myself" while Trello checks the URL, then back to "Anyone" —
   * and syncs. Returns what each step said.
   */
  async connect(): Promise<string[]> {
    const properties = this.gas.scriptProperties;
    properties.set('TRELLO_KEY', this.workspace.key);
    properties.set('TRELLO_TOKEN', this.workspace.token);
    properties.set('TRELLO_BOARD_ID', this.workspace.board.id);
    const triggers = runOrThrow<{ message: string }>(this.gas, 'installTriggers');
    await this.deploy('MYSELF');
    const webhook = runOrThrow<{ ok: boolean; message: string }>(this.gas, 'registerWebhook');
    await this.deploy('ANYONE_ANONYMOUS');
    const sync = runOrThrow<{ message: string }>(this.gas, 'syncNow');
    return [triggers.message, `${webhook.ok ? '' : 'WARNING: '}${webhook.message}`, sync.message];
  }

  /**
   * First-run mode: the add-on as a new user finds it — nothing entered, no triggers, no webhook — with the web app
   * deployed ("Anyone") and the account's key and token on the page, to paste into the sidebar.
   */
  async startDisconnected(): Promise<string[]> {
    await this.deploy('ANYONE_ANONYMOUS');
    this.showsAccount = true;
    return ['First run: the add-on is not connected. The page shows the Trello key and token to paste into the sidebar.'];
  }

  /** (Re)deploys the web app with this access, in the emulator and at the front that answers Trello's HEAD. */
  async deploy(access: WebAppAccess): Promise<void> {
    const deployment = { url: `${this.frontUrl}${EXEC_PATH}`, access };
    await requestJson('PUT', `${this.frontUrl}${FRONT_DEPLOYMENT_PATH}`, deployment);
    this.gas.deployWebApp(deployment);
    this.webAppAccess = access;
  }

  /** Takes the web app's deployment down (as archiving it does): its /exec URL answers nothing any more. */
  async undeploy(): Promise<void> {
    await requestJson('PUT', `${this.frontUrl}${FRONT_DEPLOYMENT_PATH}`, null);
    this.gas.deployWebApp(null);
  }

  /**
   * Sets the rule by which Trello deactivates a failing webhook (Trello's own: 1,000 failures over 30 days), so that
   * a webhook whose deliveries fail dies within seconds.
   */
  async setWebhookDeactivation(rule: { failures: number; days: number }): Promise<void> {
    await requestJson('POST', `${this.trelloUrl}/_emulator/webhook-deactivation`, rule);
  }

  /** Makes Trello answer every request `ms` late (0: at once), as on a slow day or a slow network. */
  async slowTrello(ms: number): Promise<void> {
    await requestJson('POST', `${this.trelloUrl}/_emulator/faults`, { latencyMs: ms });
  }

  /** The add-on's webhook as Trello's API shows it. */
  async webhook(): Promise<{ active: boolean; consecutiveFailures: number }> {
    const webhookId = this.gas.scriptProperties.get('TRELLO_WEBHOOK_ID');
    if (!webhookId) throw new Error('No webhook is registered');
    const response = await fetch(`${this.trelloUrl}/1/webhooks/${encodeURIComponent(webhookId)}`, {
      // Credentials in the Authorization header, never in the URL.
      headers: { authorization: `OAuth oauth_consumer_key="${this.workspace.key}", oauth_token="${this.workspace.token}"` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`Reading the webhook answered ${response.status}`);
    return (await response.json()) as { active: boolean; consecutiveFailures: number };
  }

  /** Runs the time-driven triggers that are due by now. */
  runDueTriggers(): ExecutionResult[] {
    return this.gas.advanceTime(0);
  }

  /** A person types into a cell or pastes a block: the installable edit trigger runs as in Sheets. Returns the errors of those runs. */
  edit(request: EditRequest): string[] {
    const a1 = `${columnLetters(request.column)}${request.row}`;
    return errorsOf(this.gas.userEdit(request.sheet, a1, request.values));
  }

  /** A person inserts, deletes or sorts rows (a sort keeps the header row on top, as Sort range with a header row does). */
  changeRows(request: RowsRequest): string[] {
    const change = request.change.kind === 'sort' ? { headerRows: 1, ...request.change } : request.change;
    return errorsOf(this.gas.userChangesRows(request.sheet, change));
  }

  /** The spreadsheet is opened: the simple trigger onOpen runs (in AuthMode.LIMITED) and builds the menus it shows. */
  open(): MenuView[] {
    const before = this.gas.ui.menus.length;
    runOrThrow(this.gas, 'onOpen', { authMode: 'LIMITED' }, { authMode: 'LIMITED' });
    this.menus = this.gas.ui.menus.slice(before).map(({ title, items }) => ({
      title,
      items: items.flatMap((item) => ('functionName' in item ? [{ caption: item.caption, functionName: item.functionName }] : [])),
    }));
    return this.menus;
  }

  /** A person picks a menu item: one execution of its function, as Sheets runs it (with a UI). */
  runMenuItem(functionName: string): MenuResult {
    if (!this.menus.some((menu) => menu.items.some((item) => item.functionName === functionName))) throw new Error(`No menu item calls ${functionName}`);
    const sidebars = this.gas.ui.sidebars.length;
    const result = this.gas.run(functionName);
    return {
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(this.gas.ui.sidebars.length > sidebars ? { sidebar: this.gas.ui.sidebars.length - 1 } : {}),
    };
  }

  /** A person changes the board; Trello then sends the webhook delivery on its own. */
  async changeBoard(change: BoardChange): Promise<unknown> {
    return requestJson('POST', `${this.trelloUrl}/_emulator/person`, { ...change, memberId: this.workspace.member.id });
  }

  /** A google.script.run call: one execution of the named top-level function, as a sidebar's call is. */
  rpc(name: string, args: unknown[]): unknown {
    return runOrThrow(this.gas, name, args[0]);
  }

  /**
   * The sidebar's HTML, exactly as the bundle handed it to the spreadsheet's UI: the one shown `index`-th (by a menu
   * item), or else a new one from showSidebar.
   */
  sidebarHtml(index?: number): string {
    if (index === undefined) runOrThrow(this.gas, 'showSidebar');
    const shown = index === undefined ? this.gas.ui.sidebars.at(-1) : this.gas.ui.sidebars[index];
    if (!shown) throw new Error(index === undefined ? 'showSidebar showed no sidebar' : `No sidebar was shown as number ${index}`);
    return shown.html;
  }

  /** Everything the page shows. */
  async state(): Promise<PlaygroundState> {
    const board = await requestJson<BoardState>(
      'GET',
      `${this.trelloUrl}/_emulator/state?boardId=${encodeURIComponent(this.workspace.board.id)}`,
    );
    const toasts = this.gas.ui.toasts;
    return {
      sheets: this.gas.spreadsheet
        .sheets()
        .filter((sheet) => !sheet.hidden)
        .map((sheet) => sheetView(sheet, EXTRA_ROWS)),
      board: boardView(this.workspace.board.name, board),
      executions: this.gas.executions.slice(-SENT_EXECUTIONS).reverse().map(executionView),
      toasts: { count: toasts.length, latest: toasts.at(-1)?.message },
      webAppAccess: this.webAppAccess,
      ...(this.showsAccount ? { trelloAccount: { key: this.workspace.key, token: this.workspace.token } } : {}),
    };
  }

  /** Stops the servers and child processes. */
  async close(): Promise<void> {
    await closeAll(this.closers);
  }
}
