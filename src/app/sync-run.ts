// One sync run under the script lock: read the sheet, the base and the board once, plan, apply, advance the base.
import type { Services } from '../adapters/gas-services';
import type { BaseRecord } from '../core/base-record';
import type { BoardCard, BoardView, MappedLists } from '../core/board';
import { mappedLists } from '../core/board';
import { readLeadTable } from '../core/lead-table';
import type { WebhookHint } from '../core/webhook-event';
import type { SyncSummary } from '../core/sync-summary';
import { planSync, type LogLine, type PlanScope } from '../core/sync-plan';
import { applyPlan, type ApplyOutcome, type LeadSheetState } from './apply-plan';
import { readCards, readFullBoard, readOpenCards } from './board-reader';
import { flushLog, queueLog } from './pending-log';
import { requireConnection, settingsFrom, STATE_KEYS, type Settings } from '../core/settings';
import type { TrelloClient } from '../adapters/trello-client';

export type { SyncSummary };

/** What a run is about. */
export type SyncRequest =
  | { kind: 'full' }
  /** Rows a person edited (edit trigger); `values` is the sheet as the trigger already read it. */
  | { kind: 'leads'; leadIds: string[]; values: unknown[][] }
  /** Cards webhook deliveries named, with what each delivery claimed (a hint, never trusted). */
  | { kind: 'cards'; hints: WebhookHint[] };

/** How long a run may start new work (Apps Script stops an execution at 6 minutes). */
export const RUN_BUDGET_MS = 4.5 * 60 * 1000;

/** Above this many cards, a partial run reads the whole board (one request) instead of card by card. */
const MAX_CARDS_READ_ONE_BY_ONE = 20;

function prefixed(entries: Record<string, string>, prefix: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(entries)) if (key.startsWith(prefix)) result.set(key.slice(prefix.length), value);
  return result;
}

function parseJson<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function summarize(kind: SyncRequest['kind'], at: number, outcome: ApplyOutcome): SyncSummary {
  const finished = outcome.deferred === 0;
  const parts = [
    outcome.created && `${outcome.created} card(s) created`,
    outcome.updatedCards && `${outcome.updatedCards} card(s) updated`,
    outcome.changedCells && `${outcome.changedCells} cell(s) updated`,
    outcome.imported && `${outcome.imported} lead(s) added from Trello`,
    outcome.conflicts && `${outcome.conflicts} conflict(s) resolved`,
    outcome.flagged && `${outcome.flagged} row(s) flagged`,
    outcome.refused.length && `${outcome.refused.length} change(s) refused by Trello`,
    outcome.deferred && `${outcome.deferred} change(s) left for the next run`,
  ].filter(Boolean);
  return {
    ok: outcome.refused.length === 0,
    kind,
    at: new Date(at).toISOString(),
    finished,
    created: outcome.created,
    updatedCards: outcome.updatedCards,
    changedCells: outcome.changedCells,
    imported: outcome.imported,
    conflicts: outcome.conflicts,
    flagged: outcome.flagged,
    deferred: outcome.deferred,
    errors: outcome.refused,
    message: parts.length ? `${parts.join(', ')}.` : 'Everything is in sync.',
  };
}

/** A summary for a run that could not start or failed as a whole. */
export function failedSummary(kind: SyncRequest['kind'], at: number, message: string): SyncSummary {
  return { ok: false, kind, at: new Date(at).toISOString(), finished: false, created: 0, updatedCards: 0, changedCells: 0, imported: 0, conflicts: 0, flagged: 0, deferred: 0, errors: [message], message };
}

/** What a run read of the board. */
interface BoardRead {
  board: BoardView;
  lists: MappedLists;
  /** The partial run's scope; undefined for a full run. */
  scope?: PlanScope;
  /** List ids and actions cursor to store. */
  stateUpdates: Record<string, string>;
  /** Cards that could not be read this time. */
  unread: number;
}

/** Runs one sync; the caller holds the script lock. Throws on errors that stop the whole run (settings, sheet, board). */
export function runSync(services: Services, request: SyncRequest): SyncSummary {
  const startedAt = services.clock.now();
  const entries = services.store.getAll();
  const settings = settingsFrom(entries);
  requireConnection(settings);
  const storedListIds = parseJson<Record<string, string>>(entries[STATE_KEYS.listIds], {});
  // Until the lists are known, any run is a full one: it finds or creates them.
  const full = request.kind === 'full' || Object.keys(storedListIds).length === 0;
  const spreadsheet = services.spreadsheet(settings);
  const store = services.leadStore(spreadsheet, settings.sheetName);
  const values = request.kind === 'leads' ? request.values : store.readValues();
  const sheet: LeadSheetState = {
    store,
    values,
    table: readLeadTable(settings.sheetName, values, settings.mapping),
    notes: full ? store.readNotes() : undefined,
  };
  const baseStore = services.baseStore(spreadsheet);
  const baseSnapshot = baseStore.read();
  const trello = services.trello(settings, startedAt + RUN_BUDGET_MS);
  const cardHints = prefixed(entries, STATE_KEYS.cardHintPrefix);
  const editedAt = prefixed(entries, STATE_KEYS.editedAtPrefix);

  const { board, lists, scope, stateUpdates, unread } = full
    ? readWholeBoard(trello, settings, entries, storedListIds, sheet, baseSnapshot.records)
    : readScopedBoard(trello, settings, storedListIds, partialScope(request, sheet, baseSnapshot.records, cardHints), sheet);
  const plan = planSync({
    table: sheet.table,
    base: baseSnapshot.records,
    board,
    lists,
    mapping: settings.mapping,
    sheetEditTimes: new Map(Array.from(editedAt, ([leadId, at]) => [leadId, Number(at)])),
    scope,
    options: { importBoardCards: settings.importBoardCards, archiveCardOnRowDelete: settings.archiveCardOnRowDelete },
    now: startedAt,
  });
  const outcome = applyPlan(plan, sheet, baseSnapshot.records, trello);
  outcome.deferred += unread;
  baseStore.write(baseSnapshot, outcome.baseRecords);

  const timed = (lines: LogLine[]) => lines.map((line) => ({ ...line, at: startedAt }));
  if (full) flushLog(services, entries, services.syncLog(spreadsheet), timed(outcome.log));
  else queueLog(services, entries, timed(outcome.log));
  // Edit times and waiting deliveries are done with once their leads and cards were synced.
  services.store.delete([
    ...Array.from(editedAt.keys())
      .filter((leadId) => outcome.settledLeadIds.has(leadId) && (!scope || scope.leadIds.has(leadId)))
      .map((leadId) => STATE_KEYS.editedAtPrefix + leadId),
    ...Array.from(cardHints.keys())
      .filter((cardId) => !scope || scope.cardIds.has(cardId))
      .map((cardId) => STATE_KEYS.cardHintPrefix + cardId),
  ]);
  services.store.set(stateUpdates, entries);
  return summarize(request.kind, startedAt, outcome);
}

/** A full run's board: lists, open cards and actions in one request, plus a look at linked cards that are not open. */
function readWholeBoard(
  trello: TrelloClient,
  settings: Settings,
  entries: Record<string, string>,
  storedListIds: Record<string, string>,
  sheet: LeadSheetState,
  base: ReadonlyMap<string, BaseRecord>,
): BoardRead {
  const read = readFullBoard(trello, settings.boardId, settings.mapping, storedListIds, entries[STATE_KEYS.actionsCursor] ?? '');
  const alreadyGone = (leadId: string, cardId: string) => {
    const record = base.get(leadId);
    return record?.cardId === cardId && record.cardFate !== '';
  };
  const missing = sheet.table.leads.filter((lead) => lead.cardId && !read.cards.has(lead.cardId) && !alreadyGone(lead.id, lead.cardId)).map((lead) => lead.cardId);
  const looked = missing.length ? readCards(trello, settings.boardId, missing) : undefined;
  return {
    board: { cards: new Map([...read.cards, ...(looked?.cards ?? [])]), complete: true, fates: looked?.fates ?? new Map(), changeTimes: read.changeTimes },
    lists: read.lists,
    stateUpdates: { [STATE_KEYS.listIds]: JSON.stringify(Object.fromEntries(read.lists.idByName)), [STATE_KEYS.actionsCursor]: read.cursor },
    unread: looked?.unread.length ?? 0,
  };
}

/** A partial run's board, on the lists stored by an earlier full run. */
function readScopedBoard(trello: TrelloClient, settings: Settings, storedListIds: Record<string, string>, scope: PlanScope, sheet: LeadSheetState): BoardRead {
  const { view, unread } = scopedView(trello, settings.boardId, sheet, scope);
  return { board: view, lists: mappedLists(new Map(Object.entries(storedListIds))), scope, stateUpdates: {}, unread };
}

/** The leads and cards a partial run covers: its own, plus cards whose webhook deliveries waited for the lock. */
function partialScope(request: SyncRequest, sheet: LeadSheetState, base: ReadonlyMap<string, BaseRecord>, cardHints: Map<string, string>): PlanScope {
  const news = request.kind === 'cards' ? request.hints.filter((hint) => !alreadyKnown(hint, base)) : [];
  const cardIds = new Set<string>([...news.map((hint) => hint.cardId), ...cardHints.keys()]);
  const leadIds = new Set<string>(request.kind === 'leads' ? request.leadIds : []);
  for (const lead of sheet.table.leads) if (cardIds.has(lead.cardId)) leadIds.add(lead.id);
  for (const record of base.values()) if (cardIds.has(record.cardId) && !record.rowDeleted) leadIds.add(record.leadId);
  return { leadIds, cardIds };
}

/**
 * True when a delivery claims nothing the base does not already hold — the echo of the add-on's own write, or a
 * repeat — so the card need not be read again.
 */
function alreadyKnown(hint: WebhookHint, base: ReadonlyMap<string, BaseRecord>): boolean {
  const record = Array.from(base.values()).find((candidate) => candidate.cardId === hint.cardId);
  if (!record || record.rowDeleted || record.cardFate || hint.closed !== undefined) return false;
  return (hint.listId === undefined || hint.listId === record.listId) && (hint.name === undefined || hint.name === record.name);
}

/** Reads only what a partial run needs: its cards one by one, or every open card when a lead in scope has none yet. */
function scopedView(trello: TrelloClient, boardId: string, sheet: LeadSheetState, scope: PlanScope): { view: BoardView; unread: number } {
  const leads = sheet.table.leads.filter((lead) => scope.leadIds.has(lead.id));
  const cardIds = Array.from(new Set([...leads.map((lead) => lead.cardId).filter(Boolean), ...scope.cardIds]));
  const needsEveryCard = leads.some((lead) => !lead.cardId) || cardIds.length > MAX_CARDS_READ_ONE_BY_ONE;
  const openCards = needsEveryCard ? readOpenCards(trello, boardId) : new Map<string, BoardCard>();
  const toRead = cardIds.filter((id) => !openCards.has(id));
  const read = toRead.length ? readCards(trello, boardId, toRead) : undefined;
  return {
    view: { cards: new Map([...openCards, ...(read?.cards ?? [])]), complete: needsEveryCard, fates: read?.fates ?? new Map(), changeTimes: read?.changeTimes ?? new Map() },
    unread: read?.unread.length ?? 0,
  };
}
