// The Apps Script runtime emulator: runs a bundle the way GAS does — every run, trigger and web request is a new
// execution in a fresh realm with only the GAS globals — over state that outlives executions (properties, caches,
// locks, triggers, the bound spreadsheet) and an emulated clock.
import fs from 'node:fs';
import path from 'node:path';
import { EmulatedClock, type Clock } from '../clock';
import type { HttpRequest, HttpResponse, SyncTransport } from '../http';
import { enabledAdvancedServices, type AdvancedServiceEntry } from './advanced-services';
import { CacheStore, type CacheEviction } from './cache-store';
import { REALISTIC_CALL_COSTS, type CallCosts } from './call-costs';
import { CallMeter } from './call-meter';
import { EXECUTION_TIME_EXCEEDED, Execution } from './execution';
import { ExecutionScheduler, type SchedulerOptions, type ScheduledAction } from './execution-scheduler';
import { LockState } from './lock-service';
import { PropertyStore } from './property-store';
import { QuotaLedger, type AccountType, type QuotaUsage } from './quota-ledger';
import type { InstallationSourceName } from './script-app';
import { scriptGlobals } from './script-globals';
import { CompiledScript, ScriptRealm } from './script-realm';
import type { ExecutionContext, ExecutionCounters, UiRecord } from './service-env';
import { createSpreadsheetService, SpreadsheetModel, type SpreadsheetServiceHandle } from './spreadsheet';
import { SimultaneousExecutions, TOO_MANY_SIMULTANEOUS } from './simultaneous-executions';
import { parseA1 } from './spreadsheet/a1-notation';
import { changeEvent, editEvent, eventText, timeEvent, type ChangeType } from './trigger-events';
import { TriggerRegistry, type TriggerEventType } from './trigger-registry';
import { unreachableTransport } from './transport-error';
import { Users } from './users';
import { WebApp, withEchoOrigin, type WebAppDeployment } from './web-app';
import { serveHttp, type RunningServer } from './web-app-server';

/** How to build an emulator. */
export interface GasEmulatorOptions {
  /** The bundle text (dist/Code.js). */
  code: string;
  /** HTML files by name without extension, for HtmlService.createHtmlOutputFromFile. */
  html?: Record<string, string>;
  /** Default: a new EmulatedClock. */
  clock?: Clock;
  /** How UrlFetchApp reaches servers; default: every host is unreachable (`Address unavailable: <url>`). */
  fetch?: SyncTransport;
  /** The bound spreadsheet (default: a new, empty one). */
  spreadsheet?: SpreadsheetModel;
  /** Default true; false → no active spreadsheet (nor document properties) outside UI executions, like a web app. */
  bound?: boolean;
  /** Default NONE; anything else makes the project an installed editor add-on. */
  installationSource?: InstallationSourceName;
  /** The web app deployment; null (default) means not deployed: getService().getUrl() is null and requests get 404. */
  webApp?: WebAppDeployment | null;
  /** Default 360 000 (6 minutes). */
  executionLimitMs?: number;
  /** The user running everything unless told otherwise (`as(email)`); default owner@example.com. */
  userEmail?: string;
  /** Entries of every cache vanish at random when read (seeded); default never, beyond expiry and the item cap. */
  cacheEviction?: CacheEviction;
  /**
   * Whether an installed editor add-on's time-driven triggers run with the document attached (active spreadsheet,
   * document properties, lock and cache). Default 'none': they run with no document, the strict reading.
   */
  addOnTimeTriggerDocument?: 'none' | 'attached';
  /** The script's time zone (default Etc/GMT). */
  timeZone?: string;
  /** The project's manifest (appsscript.json); its `dependencies.enabledAdvancedServices` decides which advanced services exist. */
  manifest?: unknown;
  /**
   * Default false: SpreadsheetApp writes reach the spreadsheet (the advanced Sheets service, people, other executions)
   * only at SpreadsheetApp.flush() or the end of the execution. True: at once (the kinder reading).
   */
  sheetsApiSeesUnflushedWrites?: boolean;
  /** Emulated ms each kind of service call takes; default REALISTIC_CALL_COSTS (NO_CALL_COSTS makes every call free). */
  callCosts?: Partial<CallCosts>;
  /** Whose daily quotas apply (default consumer, the smaller ones). */
  account?: AccountType;
  /**
   * Called at every service-call boundary of a running execution (and while it waits), where overlapping work starts:
   * what it runs (e.g. `run(…)` for a sidebar call that arrived meanwhile) is an execution overlapping the running one.
   */
  betweenCalls?: () => void;
}

/** The outcome of one execution. */
export interface ExecutionResult<T = unknown> {
  functionName: string;
  returnValue?: T;
  /** What GAS logs for a failed execution: `Exception: …` for service errors, `TypeError: …` and the like otherwise. */
  error?: string;
  logs: string[];
  counters: ExecutionCounters;
  startedAt: number;
  endedAt: number;
}

/** One installed trigger, as tests see it. */
export interface TriggerInfo {
  handlerFunction: string;
  eventType: TriggerEventType;
  uniqueId: string;
  /** The user who created it (it runs as them). */
  owner: string;
  everyMs?: number;
}

/** How `run` runs a function. */
export interface RunOptions {
  /** Default true (a menu item or sidebar call). */
  hasUi?: boolean;
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  /** Who runs it (default the emulator's user); `as(email).run` sets it. */
  user?: string;
  /** The spreadsheet it runs in (default the bound one); another one must first be added with `addDocument`. */
  document?: SpreadsheetModel;
}

/** A document the script runs in: its spreadsheet and its own properties, cache and lock. */
interface DocumentState {
  spreadsheet: SpreadsheetModel;
  properties: PropertyStore;
  cache: CacheStore;
  lock: LockState;
}

/** What a test starts "at the same time" in `GasEmulator.concurrently`; each call is one action. */
export interface ConcurrentBatch {
  /** As `GasEmulator.run`. */
  run(functionName: string, event?: unknown, options?: RunOptions): void;
  /** As `GasEmulator.userEdit`: the person types when the action starts, then the edit triggers run. */
  userEdit(sheetName: string, a1: string, values: unknown[][]): void;
  /** A request to the web app (as `webApp.handle`). */
  webRequest(request: HttpRequest): void;
  /** Anything else that starts executions, e.g. Trello delivering its webhooks, or `advanceTime`. */
  act(action: ScheduledAction): void;
}

/** A person's change of a sheet's rows (Insert row, Delete row, Data › Sort sheet). */
export type RowChange =
  | { kind: 'insert'; beforeRow: number; count: number }
  | { kind: 'delete'; row: number; count: number }
  /** `headerRows` stay on top (default: the frozen rows, as Sort sheet; Sort range's "Data has header row" is 1). */
  | { kind: 'sort'; column: number; ascending: boolean; headerRows?: number };

/** The cells a person's edit wrote, and the single cell's text before and after (edit events carry those). */
interface EditedBlock {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  value?: string;
  oldValue?: string;
}

/** One execution to run. */
interface ExecutionSpec {
  functionName: string;
  context: ExecutionContext;
  /** Whether the execution has a document (an active spreadsheet, document properties, lock and cache). */
  hasDocument: boolean;
  /** Which document, when it has one (default the bound spreadsheet). */
  document?: DocumentState;
  /** The effective user: whose user properties, cache and lock the execution reaches, and whose triggers it sees. */
  userEmail: string;
  activeUserEmail: string;
  /** A time-driven or edit trigger: its runtime counts against the daily trigger runtime. */
  trigger?: boolean;
  /** Builds the argument of the function inside the execution. */
  event?: (realm: ScriptRealm, spreadsheet: SpreadsheetServiceHandle) => unknown;
}

const TRIGGER_CONTEXT: ExecutionContext = { authMode: 'FULL', hasUi: false };

function describeError(error: unknown): string {
  try {
    return String(error);
  } catch {
    return 'Error';
  }
}

/** An emulated Apps Script project. */
export class GasEmulator {
  readonly clock: Clock;
  readonly spreadsheet: SpreadsheetModel;
  /** Menus, sidebars, toasts and alerts of every execution so far. */
  readonly ui: UiRecord = { menus: [], sidebars: [], toasts: [], alerts: [] };
  readonly executions: ExecutionResult[] = [];
  readonly scriptProperties = new PropertyStore();
  readonly documentProperties = new PropertyStore();
  readonly scriptCache: CacheStore;
  readonly documentCache: CacheStore;
  readonly webApp: WebApp;
  /** The project's per-minute and daily quotas, on the emulated clock. */
  readonly quotas: QuotaLedger;
  private readonly users: Users;
  private readonly locks = { script: new LockState() };
  /** Every document by spreadsheet id: the bound spreadsheet, and those `addDocument` added (an add-on's users' sheets). */
  private readonly documents = new Map<string, DocumentState>();
  private readonly registry = new TriggerRegistry();
  private readonly simultaneous = new SimultaneousExecutions();
  /** Set while `concurrently` runs: starts its actions at the service-call boundaries of running executions. */
  private scheduler: ExecutionScheduler | null = null;
  private readonly compiled: CompiledScript;
  private readonly options: GasEmulatorOptions;
  private readonly scriptId = '1EmulatedScriptId_sheets-trello-sync_0000000000000000000000';
  private readonly advancedServices: readonly AdvancedServiceEntry[];
  private deployment: WebAppDeployment | null;
  /** Test control: the service call at which each next execution is killed, in start order. */
  private readonly kills: number[] = [];

  constructor(options: GasEmulatorOptions) {
    this.options = options;
    this.compiled = new CompiledScript(options.code);
    this.clock = options.clock ?? new EmulatedClock();
    this.spreadsheet = options.spreadsheet ?? new SpreadsheetModel();
    this.scriptCache = new CacheStore(this.clock, options.cacheEviction);
    this.documentCache = new CacheStore(this.clock, options.cacheEviction);
    this.documents.set(this.spreadsheet.id, { spreadsheet: this.spreadsheet, properties: this.documentProperties, cache: this.documentCache, lock: new LockState() });
    this.users = new Users(this.clock, options.cacheEviction ?? null);
    this.deployment = options.webApp ?? null;
    this.advancedServices = enabledAdvancedServices(options.manifest);
    this.quotas = new QuotaLedger(this.clock, options.account);
    this.webApp = new WebApp(
      () => this.deployment,
      (functionName, event) =>
        this.execute({
          functionName,
          context: TRIGGER_CONTEXT,
          // An add-on's web app belongs to the add-on's own project, which no document contains.
          hasDocument: this.bound && this.installationSource === 'NONE',
          // The web app executes as the user who deployed it; visitors of an "Anyone" web app are anonymous.
          userEmail: this.userEmail,
          activeUserEmail: '',
          event: (realm) => realm.adopt(event),
        }),
      this.scriptId,
    );
  }

  /**
   * Loads `dist/Code.js`, every `dist/*.html` (as HtmlService files named without the extension) and
   * `dist/appsscript.json` (the manifest, unless `options.manifest` is given).
   */
  static fromDist(distDir: string, options: Omit<GasEmulatorOptions, 'code' | 'html'> = {}): GasEmulator {
    const html: Record<string, string> = {};
    for (const file of fs.readdirSync(distDir)) {
      if (file.endsWith('.html')) html[file.slice(0, -'.html'.length)] = fs.readFileSync(path.join(distDir, file), 'utf8');
    }
    const manifestFile = path.join(distDir, 'appsscript.json');
    const manifest: unknown = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : undefined;
    return new GasEmulator({ manifest, ...options, code: fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8'), html });
  }

  private get bound(): boolean {
    return this.options.bound ?? true;
  }

  private get userEmail(): string {
    return this.options.userEmail ?? 'owner@example.com';
  }

  private get timeZone(): string {
    return this.options.timeZone ?? 'Etc/GMT';
  }

  private get installationSource(): InstallationSourceName {
    return this.options.installationSource ?? 'NONE';
  }

  /** The default user's user properties. */
  get userProperties(): PropertyStore {
    return this.users.of(this.userEmail).properties;
  }

  /** The default user's user cache. */
  get userCache(): CacheStore {
    return this.users.of(this.userEmail).cache;
  }

  /**
   * Acts as another user of the same document and script (an editor of the spreadsheet): their runs and edits, and
   * their own user properties and cache. Triggers their executions create belong to them.
   */
  as(
    email: string,
    document?: SpreadsheetModel,
  ): {
    run: <T = unknown>(functionName: string, event?: unknown, options?: RunOptions) => ExecutionResult<T>;
    userEdit: (sheetName: string, a1: string, values: unknown[][]) => ExecutionResult[];
    userProperties: PropertyStore;
    userCache: CacheStore;
    /** Another execution of this user takes their user lock until the returned release() is called. */
    holdUserLock: () => () => void;
  } {
    const user = this.users.of(email);
    return {
      run: (functionName, event, options = {}) => this.run(functionName, event, { document, ...options, user: email }),
      userEdit: (sheetName, a1, values) => this.userEdit(sheetName, a1, values, email, document),
      userProperties: user.properties,
      userCache: user.cache,
      holdUserLock: () => user.lock.holdFromOutside(),
    };
  }

  /**
   * Runs `functionName(event)` as one execution, as a menu item or sidebar call does (hasUi true by default). Script
   * errors never throw here: they come back in `error` (`Script function not found: X` for a missing function).
   */
  run<T = unknown>(functionName: string, event?: unknown, options: RunOptions = {}): ExecutionResult<T> {
    const context: ExecutionContext = { authMode: options.authMode ?? 'FULL', hasUi: options.hasUi ?? true };
    const user = options.user ?? this.userEmail;
    return this.execute({
      functionName,
      context,
      hasDocument: this.bound || context.hasUi,
      document: this.documentOf(options.document),
      userEmail: user,
      activeUserEmail: user,
      event: event === undefined ? undefined : (realm) => realm.adopt(event),
    }) as ExecutionResult<T>;
  }

  /**
   * A person types `values` into `sheetName` starting at the top-left cell of `a1`; then each installable edit
   * trigger of the spreadsheet runs as its own execution with the real event (value/oldValue only for a single
   * cell), followed by each change trigger. Script writes never get here, so they never fire triggers. Every user's
   * triggers fire, each running as its owner; the event's `user` is the person who typed (`user`, default the
   * emulator's user).
   */
  userEdit(sheetName: string, a1: string, values: unknown[][], user?: string, spreadsheetModel?: SpreadsheetModel): ExecutionResult[] {
    const document = this.documentOf(spreadsheetModel);
    const sheet = document.spreadsheet.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet named ${sheetName}`);
    const { startRow: row, startColumn: column } = parseA1(a1);
    const numRows = values.length;
    const numColumns = Math.max(0, ...values.map((line) => line.length));
    const single = numRows === 1 && numColumns === 1;
    const timeZone = document.spreadsheet.timeZone;
    const oldValue = single ? eventText(sheet.cell(row, column).value, timeZone) : undefined;
    sheet.typeAsUser(row, column, values);
    const value = single ? eventText(sheet.cell(row, column).value, timeZone) : undefined;
    return this.fireUserTriggers(document, sheetName, user ?? this.userEmail, 'EDIT', { row, column, numRows, numColumns, value, oldValue });
  }

  /**
   * A person inserts, deletes or sorts rows of `sheetName` (the rows move with everything their cells carry). Inserting
   * and deleting rows fire only the change triggers (`INSERT_ROW`, `REMOVE_ROW`); a sort rewrites the sorted rows'
   * values, so it fires the edit triggers with the sorted block as the range (no value or oldValue), then the change
   * triggers (`EDIT`).
   */
  userChangesRows(sheetName: string, change: RowChange, user?: string): ExecutionResult[] {
    const document = this.documentOf(undefined);
    const sheet = document.spreadsheet.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet named ${sheetName}`);
    const userEmail = user ?? this.userEmail;
    switch (change.kind) {
      case 'insert':
        sheet.insertRowsAsUser(change.beforeRow, change.count);
        return this.fireUserTriggers(document, sheetName, userEmail, 'INSERT_ROW');
      case 'delete':
        sheet.deleteRowsAsUser(change.row, change.count);
        return this.fireUserTriggers(document, sheetName, userEmail, 'REMOVE_ROW');
      case 'sort': {
        const headerRows = change.headerRows ?? sheet.frozenRows;
        const numRows = sheet.lastRow() - headerRows;
        if (numRows < 1) return [];
        sheet.sortAsUser(change.column, change.ascending, headerRows);
        const block = { row: headerRows + 1, column: 1, numRows, numColumns: Math.max(1, sheet.lastColumn()) };
        return this.fireUserTriggers(document, sheetName, userEmail, 'EDIT', block);
      }
    }
  }

  /**
   * Runs, after a person's change, each installable edit trigger of the document (when cells were `edited`, with the
   * real event) and then each change trigger, every one as its own execution running as its owner; the events' `user`
   * is the person.
   */
  private fireUserTriggers(document: DocumentState, sheetName: string, userEmail: string, changeType: ChangeType, edited?: EditedBlock): ExecutionResult[] {
    const id = document.spreadsheet.id;
    const fire = (eventType: TriggerEventType, event: (uid: string) => ExecutionSpec['event']): ExecutionResult[] =>
      this.registry
        .list()
        .filter((t) => t.eventType === eventType && t.sourceId === id)
        .map((t) =>
          this.execute({
            functionName: t.handlerFunction,
            context: TRIGGER_CONTEXT,
            hasDocument: true,
            document,
            userEmail: t.owner,
            activeUserEmail: t.owner,
            trigger: true,
            event: event(t.uniqueId),
          }),
        );
    const edits = edited
      ? fire('ON_EDIT', (triggerUid) => (realm, sheets) =>
          editEvent(realm, {
            range: sheets.range(id, sheetName, edited.row, edited.column, edited.numRows, edited.numColumns),
            source: sheets.spreadsheet(id),
            triggerUid,
            userEmail,
            value: edited.value,
            oldValue: edited.oldValue,
          }),
        )
      : [];
    return [...edits, ...fire('ON_CHANGE', (triggerUid) => (realm, sheets) => changeEvent(realm, sheets.spreadsheet(id), triggerUid, userEmail, changeType))];
  }

  /** Lets `ms` pass, running each time-driven trigger that falls due as its own execution, in time order. */
  advanceTime(ms: number): ExecutionResult[] {
    const target = this.clock.now() + ms;
    const results: ExecutionResult[] = [];
    for (let due = this.registry.nextDue(target); due; due = this.registry.nextDue(target)) {
      const trigger = due;
      const scheduledAt = trigger.nextAt as number;
      if (scheduledAt > this.clock.now()) this.clock.advance(scheduledAt - this.clock.now());
      results.push(
        this.execute({
          functionName: trigger.handlerFunction,
          context: TRIGGER_CONTEXT,
          hasDocument: this.installationSource === 'NONE' ? this.bound : this.options.addOnTimeTriggerDocument === 'attached',
          // An installable trigger runs as the user who created it.
          userEmail: trigger.owner,
          activeUserEmail: trigger.owner,
          trigger: true,
          event: (realm) => timeEvent(realm, scheduledAt, trigger.uniqueId),
        }),
      );
      this.registry.ran(trigger, scheduledAt, this.clock.now());
    }
    if (this.clock.now() < target) this.clock.advance(target - this.clock.now());
    return results;
  }

  /**
   * Adds another spreadsheet that users of this script work in (each user of an editor add-on has their own sheets),
   * with its own document properties, cache and lock; `as(email, spreadsheet)` runs and edits in it.
   */
  addDocument(spreadsheet: SpreadsheetModel): { properties: PropertyStore; cache: CacheStore } {
    const document = { spreadsheet, properties: new PropertyStore(), cache: new CacheStore(this.clock, this.options.cacheEviction), lock: new LockState() };
    this.documents.set(spreadsheet.id, document);
    return document;
  }

  private documentOf(spreadsheet: SpreadsheetModel | undefined): DocumentState {
    const document = this.documents.get((spreadsheet ?? this.spreadsheet).id);
    if (!document) throw new Error(`no document ${spreadsheet?.id}: add it with addDocument first`);
    return document;
  }

  /** Deploys (or, with null, undeploys) the web app, e.g. to switch access between "Anyone" and "Only myself". */
  deployWebApp(deployment: WebAppDeployment | null): void {
    this.deployment = deployment;
  }

  /**
   * Serves the web app over HTTP on loopback (default 127.0.0.1 and a free port). Echo redirects point back at this
   * server (same path and query as script.googleusercontent.com's), so HTTP clients can follow them.
   */
  async startWebAppServer(options: { port?: number; host?: string } = {}): Promise<RunningServer> {
    let origin = '';
    const server = await serveHttp((request: HttpRequest): HttpResponse => withEchoOrigin(this.webApp.handle(request), origin), options);
    origin = server.url;
    return server;
  }

  /**
   * Test control: the next execution to start is stopped at its `atCall`-th service call (1-based), before the call
   * takes effect, as Apps Script stops one at its time limit or a quota: that call and every later one throw
   * `Exceeded maximum execution time`, and the result reports it. Calls queue: each kills one execution.
   */
  killNextExecution(atCall: number): void {
    if (!(Number.isInteger(atCall) && atCall >= 1)) throw new RangeError('atCall must be a whole number from 1');
    this.kills.push(atCall);
  }

  /** Test control: drops the kills no execution has met yet; returns how many there were. */
  cancelKills(): number {
    return this.kills.splice(0).length;
  }

  /** Another execution takes the script lock and holds it until the returned release() is called. */
  holdScriptLock(): () => void {
    return this.locks.script.holdFromOutside();
  }

  /**
   * Runs the actions `build` adds as if they started at the same time: each starts nested inside a running execution
   * at one of its service-call boundaries (or after the others, when nothing runs), where and in which order the
   * seeded scheduler says; see "Concurrent executions" in the README for what this covers. Returns, for each action
   * in the order added, the executions it started.
   */
  concurrently(options: SchedulerOptions, build: (batch: ConcurrentBatch) => void): ExecutionResult[][] {
    if (this.scheduler) throw new Error('concurrently() cannot be nested');
    const scheduler = new ExecutionScheduler(options);
    build({
      run: (functionName, event, runOptions) => scheduler.add(() => this.run(functionName, event, runOptions)),
      userEdit: (sheetName, a1, values) => scheduler.add(() => this.userEdit(sheetName, a1, values)),
      webRequest: (request) => scheduler.add(() => this.webApp.handle(request)),
      act: (action) => scheduler.add(action),
    });
    this.scheduler = scheduler;
    try {
      return scheduler.runAll();
    } finally {
      this.scheduler = null;
    }
  }

  /** Today's use of the daily quotas (trigger runtime, UrlFetch calls, Properties reads and writes) and their limits. */
  quotaUsage(): QuotaUsage {
    return this.quotas.usage();
  }

  /** The installed triggers. */
  triggers(): TriggerInfo[] {
    return this.registry.list().map((t) => ({
      handlerFunction: t.handlerFunction,
      eventType: t.eventType,
      uniqueId: t.uniqueId,
      owner: t.owner,
      ...(t.everyMs === undefined ? {} : { everyMs: t.everyMs }),
    }));
  }

  private execute(spec: ExecutionSpec): ExecutionResult {
    const realm = new ScriptRealm(this.clock);
    // Simultaneous executions count against the user the script runs as.
    const quotaUser = spec.userEmail;
    const hasSlot = this.simultaneous.enter(quotaUser);
    const meter = new CallMeter({
      costs: { ...REALISTIC_CALL_COSTS, ...this.options.callCosts },
      ledger: this.quotas,
      user: spec.userEmail,
      trigger: spec.trigger === true,
    });
    const env: Execution = new Execution({
      clock: this.clock,
      context: spec.context,
      ui: this.ui,
      realm,
      limitMs: this.options.executionLimitMs ?? 360_000,
      meter,
      killAtCall: this.kills.shift(),
      beforeCall: () => {
        if (!hasSlot) env.fail(TOO_MANY_SIMULTANEOUS);
        this.scheduler?.boundary();
        this.options.betweenCalls?.();
      },
      whileWaiting: () => {
        this.scheduler?.boundary();
        this.options.betweenCalls?.();
      },
    });
    const document = spec.hasDocument ? (spec.document ?? this.documentOf(undefined)) : null;
    const user = this.users.of(spec.userEmail);
    const allSpreadsheets = Array.from(this.documents.values(), (each) => each.spreadsheet);
    const spreadsheet = createSpreadsheetService(
      env,
      { active: document?.spreadsheet ?? null, all: allSpreadsheets },
      { sheetsApiSeesUnflushedWrites: this.options.sheetsApiSeesUnflushedWrites },
    );
    // Apps Script applies what the script left pending when the execution ends (before its locks go).
    env.onEnd(() => spreadsheet.flush());
    realm.define(
      scriptGlobals(env, {
        spreadsheet,
        properties: { script: this.scriptProperties, user: user.properties, document: document?.properties ?? null },
        caches: { script: this.scriptCache, user: user.cache, document: document?.cache ?? null },
        locks: { script: this.locks.script, user: user.lock, document: document?.lock ?? null },
        scriptApp: {
          registry: this.registry,
          installationSource: this.installationSource,
          webAppUrl: this.deployment?.url ?? null,
          scriptId: this.scriptId,
          timeZone: this.timeZone,
          userEmail: spec.userEmail,
        },
        session: { activeUserEmail: spec.activeUserEmail, effectiveUserEmail: spec.userEmail, timeZone: this.timeZone },
        html: this.options.html ?? {},
        transport: this.options.fetch ?? unreachableTransport,
        advancedServices: this.advancedServices,
        spreadsheets: allSpreadsheets,
      }),
    );
    const result: ExecutionResult = { functionName: spec.functionName, logs: env.logs, counters: env.counters, startedAt: env.startedAt, endedAt: 0 };
    try {
      realm.load(this.compiled);
      const fn = realm.global(spec.functionName);
      if (typeof fn !== 'function') result.error = `Script function not found: ${spec.functionName}`;
      else result.returnValue = (fn as (event: unknown) => unknown)(spec.event?.(realm, spreadsheet));
    } catch (error) {
      result.error = describeError(error);
    } finally {
      env.end();
      if (hasSlot) this.simultaneous.leave(quotaUser);
    }
    // GAS kills an execution at its limit, whatever the script did with the exception.
    if (env.timedOut) {
      result.error = EXECUTION_TIME_EXCEEDED;
      delete result.returnValue;
    }
    result.endedAt = this.clock.now();
    this.executions.push(result);
    this.scheduler?.finished(result);
    return result;
  }
}
