// Scenario harness: the built bundle in the Apps Script emulator, wired to the Trello emulator on one emulated clock.
import { LIST_OF_STATUS } from './default-lists';
import path from 'node:path';
import { EmulatedClock } from '../../emulator/clock';
import { GasEmulator, type CacheEviction, type ExecutionResult, type RunOptions, type SheetModel, SpreadsheetModel } from '../../emulator/gas';
import { describeLead } from '../../src/core/card-description';
import { TrelloEmulator, type SeededWorkspace, type TrelloEmulatorOptions } from '../../emulator/trello';
import type { TrelloCard } from '../../emulator/trello';

export const DIST = path.join(__dirname, '../../dist');
export const HEADER = ['id', 'name', 'email', 'status', 'source', 'trello_card_id'];
export const WEB_APP_URL = 'https://script.google.com/macros/s/AKfycbEmulated/exec';

/** A lead row as the scenarios write it: [id, name, email, status, source, trello_card_id]. */
export type LeadRow = [string, string, string, string, string, string];

/** Options of a world. */
export interface WorldOptions {
  rows?: LeadRow[];
  /** The bundle to run: a folder with Code.js and appsscript.json (default: the project's built dist/). */
  dist?: string;
  installationSource?: 'NONE' | 'WEB_STORE_ADD_ON';
  webApp?: boolean;
  /** Connect (set TRELLO_KEY, TRELLO_TOKEN and TRELLO_BOARD_ID) — on by default. */
  connect?: boolean;
  /** False: no active spreadsheet outside UI executions (as in a web app or a standalone script). */
  bound?: boolean;
  /** Apps Script's execution limit (default 6 minutes); shorter makes runs die where the add-on does not expect it. */
  executionLimitMs?: number;
  /** Trello emulator options beyond the shared clock (e.g. a small webhook deactivation threshold). */
  trello?: Omit<TrelloEmulatorOptions, 'clock'>;
  /** Cache entries vanish at random when read (seeded). */
  cacheEviction?: CacheEviction;
  /** Whether an add-on's time triggers run with the document attached (default: without, the strict reading). */
  addOnTimeTriggerDocument?: 'none' | 'attached';
}

/** One spreadsheet + bound script + Trello board, all emulated. */
export class SyncWorld {
  readonly clock = new EmulatedClock();
  readonly trello: TrelloEmulator;
  readonly workspace: SeededWorkspace;
  readonly spreadsheet = new SpreadsheetModel({ name: 'Leads' });
  readonly gas: GasEmulator;
  private readonly isAddOn: boolean;

  constructor(options: WorldOptions = {}) {
    this.trello = new TrelloEmulator({ ...options.trello, clock: this.clock });
    this.workspace = this.trello.seedWorkspace({ username: 'sales' });
    this.spreadsheet.addSheet('LeadTracker', [HEADER, ...(options.rows ?? [])]);
    this.gas = GasEmulator.fromDist(options.dist ?? DIST, {
      clock: this.clock,
      fetch: (request) => this.trello.handle(request),
      spreadsheet: this.spreadsheet,
      installationSource: options.installationSource ?? 'NONE',
      webApp: options.webApp ? { url: WEB_APP_URL, access: 'ANYONE_ANONYMOUS' } : null,
      executionLimitMs: options.executionLimitMs,
      bound: options.bound,
      cacheEviction: options.cacheEviction,
      addOnTimeTriggerDocument: options.addOnTimeTriggerDocument,
    });
    this.isAddOn = (options.installationSource ?? 'NONE') !== 'NONE';
    this.trello.setWebhookTransport((request) => this.gas.webApp.handle(request));
    if (options.connect !== false) this.connect();
  }

  /** The lead tab. */
  get leads(): SheetModel {
    const sheet = this.spreadsheet.sheet('LeadTracker');
    if (!sheet) throw new Error('the LeadTracker tab is gone');
    return sheet;
  }

  /** Replaces the lead tab with `rows` below the header, as a paste of a whole sheet would (no trigger). */
  replaceLeads(rows: LeadRow[]): void {
    const old = this.leads;
    old.name = 'LeadTracker (replaced)';
    this.spreadsheet.addSheet('LeadTracker', [HEADER, ...rows.map((row) => row.map((cell) => (cell ? `'${cell}` : '')))], 0);
    this.spreadsheet.removeSheet(old);
  }

  /** The settings a user enters in the sidebar, straight into the property store. */
  connect(): void {
    const store = this.settingsStore();
    store.set('TRELLO_KEY', this.workspace.key);
    store.set('TRELLO_TOKEN', this.workspace.token);
    store.set('TRELLO_BOARD_ID', this.workspace.board.id);
  }

  /** Where the sidebar keeps settings: Script Properties of the bound script, Document Properties for an add-on. */
  settingsStore() {
    return this.isAddOn ? this.gas.documentProperties : this.gas.scriptProperties;
  }

  /** The stored keys (settings and state) that start with `prefix`, e.g. `EDITED_AT:L1#` for a lead's edit times. */
  storedKeys(prefix: string): string[] {
    return Object.keys(this.settingsStore().entries()).filter((key) => key.startsWith(prefix));
  }

  /** Runs a top-level function and fails the test when the execution failed. */
  run<T = unknown>(functionName: string, event?: unknown, options?: RunOptions): ExecutionResult<T> {
    const result = this.gas.run<T>(functionName, event, options);
    if (result.error) throw new Error(`${functionName} failed: ${result.error}\n${result.logs.join('\n')}`);
    return result;
  }

  /** Another editor of the spreadsheet: runs (failing the test when one fails) and edits as `email`. */
  editor(email: string) {
    return {
      run: <T = unknown>(functionName: string, event?: unknown) => this.run<T>(functionName, event, { user: email }),
      userEdit: (a1: string, values: unknown[][]) => this.gas.as(email).userEdit('LeadTracker', a1, values),
      userProperties: this.gas.as(email).userProperties,
    };
  }

  /** The lead sheet as values, header included. */
  sheetValues(): unknown[][] {
    return this.leads.values();
  }

  /** The row of a lead as an object keyed by header. */
  lead(id: string): Record<string, unknown> | undefined {
    const [header, ...rows] = this.sheetValues();
    const row = rows.find((cells) => String(cells[0]) === id);
    return row ? Object.fromEntries((header as string[]).map((name, index) => [name, row[index]])) : undefined;
  }

  /** All cards of the board, archived ones included. */
  cards(filter: 'open' | 'all' = 'all'): TrelloCard[] {
    return this.trello.cardsOn(this.workspace.board.id, filter);
  }

  /** The card linked to a lead (by the id in its row). */
  cardOf(leadId: string): TrelloCard | undefined {
    const cardId = this.lead(leadId)?.trello_card_id;
    return typeof cardId === 'string' && cardId ? this.trello.card(cardId) : undefined;
  }

  /** The name of the list a card is in. */
  listNameOf(card: TrelloCard | undefined): string | undefined {
    return card ? this.trello.listsOn(this.workspace.board.id).find((list) => list.id === card.idList)?.name : undefined;
  }

  /** A list id by name. */
  listId(name: 'TODO' | 'IN_PROGRESS' | 'DONE'): string {
    return this.workspace.lists[name].id;
  }

  /**
   * Registers the board webhook through the add-on, with the documented access switch around Trello's HEAD check;
   * fails the test when the add-on reports a failure.
   */
  registerWebhook(): { ok: boolean; message: string } {
    this.gas.deployWebApp({ url: WEB_APP_URL, access: 'MYSELF' });
    const result = this.run<{ ok: boolean; message: string }>('registerWebhook').returnValue as { ok: boolean; message: string };
    this.gas.deployWebApp({ url: WEB_APP_URL, access: 'ANYONE_ANONYMOUS' });
    if (!result.ok) throw new Error(`registerWebhook failed: ${result.message}`);
    return result;
  }

  /** A person at the board, as the workspace's member. */
  get person() {
    const memberId = this.workspace.member.id;
    const trello = this.trello;
    return {
      moves: (cardId: string, list: 'TODO' | 'IN_PROGRESS' | 'DONE') => trello.personMovesCard({ memberId, cardId, listId: this.listId(list) }),
      renames: (cardId: string, name: string) => trello.personRenamesCard({ memberId, cardId, name }),
      archives: (cardId: string) => trello.personArchivesCard({ memberId, cardId }),
      unarchives: (cardId: string) => trello.personUnarchivesCard({ memberId, cardId }),
      deletes: (cardId: string) => trello.personDeletesCard({ memberId, cardId }),
      creates: (list: 'TODO' | 'IN_PROGRESS' | 'DONE', name: string) => trello.personCreatesCard({ memberId, listId: this.listId(list), name }),
    };
  }

  /** Delivers every due webhook POST to the web app (each a doPost execution); returns those executions. */
  deliver(): ExecutionResult[] {
    const before = this.gas.executions.length;
    this.trello.deliverWebhooks();
    return this.gas.executions.slice(before);
  }

  /** Trello requests received so far. */
  requestCount(): number {
    return this.trello.requests.length;
  }
}

/** `count` leads L1…Ln with mixed statuses. */
export function sampleRows(count: number, statuses = ['NEW', 'CONTACTED', 'QUALIFIED', 'COMPLETED', 'LOST']): LeadRow[] {
  return Array.from({ length: count }, (_, index): LeadRow => {
    const n = index + 1;
    return [`L${n}`, `Lead ${n}`, `lead${n}@example.com`, statuses[index % statuses.length], 'Web', ''];
  });
}

/**
 * Five leads L1…L5 synced by Sync now, with no webhook, so board changes wait for the next run. With `triggers`, the
 * edit and scheduled triggers are installed first and a scheduled run follows, so the actions cursor stands after the
 * first sync.
 */
export function syncedFiveLeads(options: { triggers?: boolean } = {}): SyncWorld {
  const world = new SyncWorld({ rows: sampleRows(5) });
  if (options.triggers) world.run('installTriggers');
  world.run('syncNow');
  if (options.triggers) world.run('onSchedule', {}, { hasUi: false });
  return world;
}

/** Three leads synced, with the edit and scheduled triggers and the webhook, and the first sync's deliveries taken. */
export function syncedWebhookWorld(): SyncWorld {
  const world = new SyncWorld({ rows: sampleRows(3), webApp: true });
  world.run('installTriggers');
  world.registerWebhook();
  world.run('syncNow');
  world.deliver();
  return world;
}

/** A world whose sheet and board already hold `count` linked leads, as after an earlier sync. */
export function linkedWorld(count: number, options: WorldOptions = {}): SyncWorld {
  const world = new SyncWorld(options);
  const rows: LeadRow[] = sampleRows(count).map(([id, name, email, status, source]) => {
    const card = world.trello.personCreatesCard({
      memberId: world.workspace.member.id,
      listId: world.listId(LIST_OF_STATUS[status]),
      name,
      desc: describeLead('', { id, email, source }),
    });
    return [id, name, email, status, source, card.id];
  });
  world.replaceLeads(rows);
  return world;
}
