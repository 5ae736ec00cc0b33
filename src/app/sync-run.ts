// One sync run under the script lock: read the sheet and the base (one call) and the board once, plan, apply, write
// back, and advance the base only for what succeeded.
import type { Services } from '../adapters/gas-services';
import type { SheetSyncLog } from '../adapters/sheet-sync-log';
import type { SheetsApi } from '../adapters/sheets-api';
import type { TrelloClient, TrelloResult } from '../adapters/trello-client';
import type { BaseRecord } from '../core/base-record';
import { mappedLists, type BoardCard, type BoardView, type MappedLists } from '../core/board';
import { cellText } from '../core/cell-text';
import { addEditTime, editTimeEntries, fieldsInColumns, newestEditTimes, recordedEditTimes, syncedFields, type RecordedEditTime, type SyncedField } from '../core/edit-times';
import { boardWatchedFields, fieldReadsOf, type FieldReads } from '../core/field-mapping';
import { hasRoomFor, readRowsFrom, requireConnection, SETTING_KEYS, settingsFrom, STATE_KEYS, type Settings } from '../core/settings';
import type { LogLine, PlanScope } from '../core/sync-plan';
import type { SyncSummary } from '../core/sync-summary';
import type { WebhookHint } from '../core/webhook-event';
import { applyPlan, type ApplyOutcome, type WriteProgress } from './apply-plan';
import { summarize } from './run-summary';
import { progressReporter } from './progress-record';
import { errorMessage } from './error-message';
import { planWithBoardTimes } from './plan-with-board-times';
import { readCards, readFullBoard, readOpenCards } from './board-reader';
import { clearFullPull, fullPullLines, raiseFullPull } from './full-pull-flag';
import { forgetPendingLog, pendingLog, queueLog } from './pending-log';
import { writeBack, type LeadsAsRead, type SheetTabs } from './sheet-writeback';
import { adoptableCards, noteCardsLinkedElsewhere, readEditedRows, readRowsOfCards, readWholeTabs, type SheetRead } from './sheet-reads';
import type { BaseSnapshot } from '../adapters/sheet-base-store';
import type { FlagCount } from '../core/flag-notes';
import { keepWebhookAlive } from './webhook-upkeep';
import { ownWritesOf } from '../core/own-writes';
import { rememberOwnWrites } from './own-writes';
import { createMissingLabels } from './label-creation';

/** What a run is about. */
export type SyncRequest =
  | { kind: 'full' }
  /** Rows and columns a person edited (edit trigger), and when. */
  | { kind: 'leads'; firstRow: number; lastRow: number; firstColumn: number; lastColumn: number; editedAt: number }
  /** Cards webhook deliveries named, with what each delivery claimed (a hint, never trusted). */
  | { kind: 'cards'; hints: WebhookHint[] };

/** How long after the execution began a run may start new work (Apps Script stops an execution at 6 minutes). */
export const RUN_BUDGET_MS = 4.5 * 60 * 1000;

/** How long after the execution began a Sheets quota answer may still be waited out (the writes must land before 6 minutes). */
export const QUOTA_WAIT_LIMIT_MS = 5.5 * 60 * 1000;

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

/** What a run read of the board. */
interface BoardRead {
  board: BoardView;
  lists: MappedLists;
  /** The partial run's scope; undefined for a full run. */
  scope?: PlanScope;
  /** List ids and actions cursor to store. */
  stateUpdates: Record<string, string>;
  /** Cards that could not be read this time: their leads wait for a later run. */
  unread: string[];
  /** Cards read one by one with their own actions (their change times are as complete as Trello keeps them). */
  readWithActions: ReadonlySet<string>;
  /** A full run's answer about the stored webhook. */
  webhook?: TrelloResult;
}

/**
 * Runs one sync; the caller holds the script lock. Throws on errors that stop the whole run (settings, sheet, board).
 * `executionStartedAt` is when the execution began (before any wait for the lock): the time budgets count from it.
 */
export function runSync(services: Services, request: SyncRequest, executionStartedAt = services.clock.now()): SyncSummary {
  const startedAt = services.clock.now();
  const entries = services.store.getAll();
  const settings = settingsFrom(entries);
  requireConnection(settings);
  const storedListIds = parseJson<Record<string, string>>(entries[STATE_KEYS.listIds], {});
  // Until the lists are known, any run is a full one: it finds or creates them.
  const full = request.kind === 'full' || Object.keys(storedListIds).length === 0;
  const spreadsheet = services.spreadsheet(settings);
  const tabs = {
    api: services.sheetsApi(spreadsheet, executionStartedAt + QUOTA_WAIT_LIMIT_MS),
    leads: services.leadStore(spreadsheet, settings.sheetName),
    base: services.baseStore(spreadsheet),
    log: full ? services.syncLog(spreadsheet) : undefined,
  };
  const cardHints = prefixed(entries, STATE_KEYS.cardHintPrefix);
  const rowsOnly = !full && tabs.leads.lastRow() >= readRowsFrom(entries);
  const sheetRead = (rowsOnly && readRowsOnly(tabs, settings, request, cardHints)) || readWholeTabs(tabs, settings);
  const { read, base: baseSnapshot } = sheetRead;
  const trello = services.trello(settings, executionStartedAt + RUN_BUDGET_MS);
  const recordedEdits = recordedEditTimes(entries, syncedFields(settings.fieldMapping));
  const editedAt = newestEditTimes(recordedEdits);
  const editedNow = request.kind === 'leads' ? leadsInRows(read, request.firstRow, request.lastRow) : [];
  // Stryker disable next-line ArrayDeclaration: the fields only count for leads edited now, which only edit runs have
  const editedFields = request.kind === 'leads' ? fieldsInColumns(read.table.columns, request.firstColumn, request.lastColumn, settings.fieldMapping) : [];
  for (const leadId of editedNow) addEditTime(editedAt, leadId, editedFields, request.kind === 'leads' ? request.editedAt : startedAt);

  // A full run also reads the webhook's state: Trello may have deactivated or deleted it.
  const webhookId = full ? (entries[STATE_KEYS.webhookId] ?? '') : '';
  const boardRead = full
    ? readWholeBoard(trello, settings, entries, storedListIds, read, baseSnapshot.records, webhookId, startedAt)
    : readScopedBoard(trello, settings, storedListIds, partialScope(request, editedNow, read, baseSnapshot.records, cardHints, boardWatchedFields(settings.fieldMapping)), read);
  const { scope, stateUpdates } = boardRead;
  if (sheetRead.read.rows) noteCardsLinkedElsewhere(tabs, sheetRead, adoptableCards(sheetRead, boardRead.board, scope));
  const upkeep = keepWebhookAlive(services, trello, settings, webhookId, boardRead.webhook);
  Object.assign(stateUpdates, upkeep.stateUpdates);
  const inScope = read.table.leads.filter((lead) => !scope || scope.leadIds.has(lead.id) || scope.cardIds.has(lead.cardId));
  const labelLog = createMissingLabels(trello, settings.boardId, settings.fieldMapping, inScope, baseSnapshot.records, boardRead.board.fields);
  const { plan, unread: unreadNow } = planWithBoardTimes(trello, settings.boardId, boardRead.readWithActions, {
    table: read.table,
    base: baseSnapshot.records,
    board: boardRead.board,
    lists: boardRead.lists,
    mapping: settings.mapping,
    sheetEditTimes: editedAt,
    scope,
    options: { importBoardCards: settings.importBoardCards, archiveCardOnRowDelete: settings.archiveCardOnRowDelete, blankStatus: settings.blankStatus },
    baseMissing: sheetRead.baseMissing,
    now: startedAt,
    ...(settings.fieldMapping ? { fieldMapping: settings.fieldMapping, offsetAt: services.zoneOffset(spreadsheet), shownDates: sheetRead.shown } : {}),
  }, fieldReadsOf(settings.fieldMapping));
  const progress: WriteProgress = (total, creates) => progressReporter(services.cache, services.clock, total, creates, executionStartedAt + RUN_BUDGET_MS);
  const writesFrom = services.clock.now();
  const outcome = applyPlan(plan, read.table, baseSnapshot.records, trello, progress);
  rememberOwnWrites(services.cache, ownWritesOf(outcome.cardUpdates, boardRead.board.cards, writesFrom), writesFrom);
  const unread = new Set([...boardRead.unread, ...unreadNow]);
  outcome.deferred += unread.size;
  // A lead whose card was not read has not synced: it keeps its edit times for the run that reads the card.
  for (const lead of read.table.leads) if (unread.has(lead.cardId)) outcome.settledLeadIds.delete(lead.id);

  const timed = (lines: LogLine[]) => lines.map((line) => ({ ...line, at: startedAt }));
  const logLines = full ? [...pendingLog(entries), ...timed([...fullPullLines(entries), ...upkeep.log, ...labelLog, ...outcome.log])] : [];
  // Full runs reconcile every flag; edit runs those of the rows a person edited, so a fixed row loses its note at once.
  const flagCount = storedFlagCount(entries);
  const flagging = full ? { count: flagCount } : request.kind === 'leads' ? { count: flagCount, rows: { first: request.firstRow, last: request.lastRow } } : undefined;
  const written = writeBack(tabs, read, outcome.sheet, { snapshot: baseSnapshot, records: outcome.baseRecords }, logLines, startedAt, flagging);
  if (written.flags) {
    stateUpdates[STATE_KEYS.flaggedCells] = String(written.flags.cells);
    stateUpdates[STATE_KEYS.flaggedRows] = String(written.flags.rows);
  }
  if (full) {
    forgetPendingLog(services, entries);
    clearFullPull(services, entries);
  } else queueLog(services, entries, timed([...labelLog, ...outcome.log]));

  const waitingEdits = rememberEditTimes(services, entries, recordedEdits, { leadIds: editedNow, fields: editedFields, at: request.kind === 'leads' ? request.editedAt : startedAt }, outcome, scope, read);
  // Stryker disable next-line MethodExpression: a partial run's scope holds every waiting card, and a full run handles them all
  const handledHints = Array.from(cardHints.keys()).filter((cardId) => !scope || scope.cardIds.has(cardId));
  services.store.delete(handledHints.map((cardId) => STATE_KEYS.cardHintPrefix + cardId));
  services.store.delete(upkeep.forget);
  services.store.set(stateUpdates, entries);
  const summary = summarize(request.kind, startedAt, outcome, written, { quotaAnswer: trello.quotaAnswer, outOfTime: trello.outOfTime }, {
    flaggedRows: (written.flags ?? flagCount).rows,
    waitingEdits,
    waitingDeliveries: cardHints.size - handledHints.length,
  });
  if (tabs.log) logStatusChange(services, { api: tabs.api, log: tabs.log }, entries, summary, startedAt);
  return summary;
}

/**
 * A full run writes where the sync stands to the Sync Log when it is not what the last run said (one more call, only
 * then). The run's changes are made by now: failing to write the line is reported, never thrown.
 */
function logStatusChange(services: Services, tabs: { api: SheetsApi; log: SheetSyncLog }, entries: Record<string, string>, summary: SyncSummary, at: number): void {
  const before = parseJson<SyncSummary | null>(entries[STATE_KEYS.lastRun], null)?.status;
  const now = summary.status;
  if (!now || (before ? before.text === now.text : now.inSync)) return;
  try {
    tabs.api.write(tabs.log.writes([{ direction: 'info', leadId: '', message: `Status: ${now.text}`, at }]));
  } catch (error) {
    // Stryker disable next-line ArrayDeclaration: a Sheets write error holds no secret, so there is nothing to hide
    services.log.error(`The status line of the Sync Log could not be written: ${errorMessage(error, [])}`);
  }
}

/** The flagged cells and rows the last runs left. */
export function storedFlagCount(entries: Record<string, string>): FlagCount {
  const count = (key: string) => Number(entries[key] ?? 0) || 0;
  return { cells: count(STATE_KEYS.flaggedCells), rows: count(STATE_KEYS.flaggedRows) };
}

/**
 * An edit's rows, or the rows linked to the cards of a delivery, without reading the whole tabs; undefined when the
 * whole tabs are read instead (deliveries that waited for the lock name cards an edit run syncs too).
 */
function readRowsOnly(tabs: SheetTabs, settings: Settings, request: SyncRequest, cardHints: Map<string, string>): SheetRead | undefined {
  if (request.kind === 'leads') return cardHints.size === 0 ? readEditedRows(tabs, settings, request.firstRow, request.lastRow) : undefined;
  if (request.kind !== 'cards') return undefined;
  const cardIds = Array.from(new Set([...request.hints.map((hint) => hint.cardId), ...cardHints.keys()]));
  // A delivery that claims nothing new about a card the base knows needs no lead row.
  const watched = boardWatchedFields(settings.fieldMapping);
  const needed = (base: BaseSnapshot) => Array.from(new Set([...request.hints.filter((hint) => !alreadyKnown(hint, base.records, watched)).map((hint) => hint.cardId), ...cardHints.keys()]));
  return readRowsOfCards(tabs, settings, cardIds, needed);
}

/** The lead ids in rows `firstRow`…`lastRow` as this run read them. */
function leadsInRows(read: LeadsAsRead, firstRow: number, lastRow: number): string[] {
  const ids: string[] = [];
  for (let row = Math.max(firstRow, 2); row <= lastRow; row++) {
    const id = cellText(read.values[row - 1]?.[read.table.columns.id - 1]);
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * Edit times only matter until the lead syncs: settled leads lose the entries this run read (never one recorded
 * meanwhile: its key is its own), and so do flagged ones (their edits wait for a person, not for a run: the fix is an
 * edit of its own); a full run drops those of leads no longer in the sheet; leads edited now that did not sync keep
 * their time for the conflict rule of a later run (past the cap, the next full run syncs them and says so). Answers how
 * many edit times wait now.
 */
function rememberEditTimes(
  services: Services,
  entries: Record<string, string>,
  recorded: readonly RecordedEditTime[],
  editedNow: { leadIds: string[]; fields: SyncedField[]; at: number },
  outcome: ApplyOutcome,
  scope: PlanScope | undefined,
  read: LeadsAsRead,
): number {
  const inSheet = new Set(read.table.leads.map((lead) => lead.id));
  const flagged = new Set(outcome.sheet.problems.map((problem) => problem.leadId));
  const synced = (leadId: string) => outcome.settledLeadIds.has(leadId) || flagged.has(leadId);
  const done = (leadId: string) => (!scope || scope.leadIds.has(leadId)) && synced(leadId);
  const gone = (leadId: string) => !scope && !inSheet.has(leadId);
  const stale = new Set(recorded.filter((edit) => done(edit.leadId) || gone(edit.leadId)).map((edit) => edit.key));
  services.store.delete(Array.from(stale));
  const kept = recorded.length - stale.size;
  const waiting = editedNow.leadIds.filter((leadId) => !synced(leadId));
  if (waiting.length === 0 || editedNow.fields.length === 0) return kept;
  const remaining = Object.fromEntries(Object.entries(entries).filter(([key]) => !stale.has(key)));
  const adding = waiting.length * editedNow.fields.length;
  if (!hasRoomFor(remaining, STATE_KEYS.editedAtPrefix, adding)) {
    raiseFullPull(services, 'edits');
    return kept;
  }
  services.store.set(editTimeEntries(waiting, editedNow.fields, editedNow.at));
  return kept + adding;
}

/** A full run's board: lists, open cards and actions in one request, plus a look at linked cards that are not open. */
function readWholeBoard(
  trello: TrelloClient,
  settings: Settings,
  entries: Record<string, string>,
  storedListIds: Record<string, string>,
  read: LeadsAsRead,
  base: ReadonlyMap<string, BaseRecord>,
  webhookId: string,
  startedAt: number,
): BoardRead {
  const cursor = entries[STATE_KEYS.actionsCursor] ?? '';
  const reads = fieldReadsOf(settings.fieldMapping);
  const whole = readFullBoard(trello, settings.boardId, {
    mapping: settings.mapping,
    storedListIds,
    cursor,
    webhookId,
    startedAt,
    // A fresh setup's default lists are made for the person; a mapping they saved names lists the save checked.
    createMissingLists: !(entries[SETTING_KEYS.statusMapping] ?? '').trim(),
    reads,
  });
  const alreadyGone = (leadId: string, cardId: string) => {
    const record = base.get(leadId);
    return record?.cardId === cardId && record.cardFate !== '';
  };
  const missing = read.table.leads.filter((lead) => lead.cardId && !whole.cards.has(lead.cardId) && !alreadyGone(lead.id, lead.cardId)).map((lead) => lead.cardId);
  const looked = missing.length ? readCards(trello, settings.boardId, missing, reads) : undefined;
  const fields = whole.boardFields ? { fields: whole.boardFields } : {};
  return {
    board: { cards: new Map([...whole.cards, ...(looked?.cards ?? [])]), complete: true, fates: looked?.fates ?? new Map(), changeTimes: whole.changeTimes, ...fields },
    lists: whole.lists,
    stateUpdates: { [STATE_KEYS.listIds]: JSON.stringify(Object.fromEntries(whole.lists.idByName)), [STATE_KEYS.actionsCursor]: whole.cursor },
    unread: looked?.unread ?? [],
    readWithActions: cardsAnswered(missing, looked?.unread),
    webhook: whole.webhook,
  };
}

/** A partial run's board, on the lists stored by an earlier full run. */
function readScopedBoard(trello: TrelloClient, settings: Settings, storedListIds: Record<string, string>, scope: PlanScope, read: LeadsAsRead): BoardRead {
  const { view, unread, readWithActions } = scopedView(trello, settings.boardId, read, scope, fieldReadsOf(settings.fieldMapping));
  return { board: view, lists: mappedLists(new Map(Object.entries(storedListIds))), scope, stateUpdates: {}, unread, readWithActions };
}

/** The leads and cards a partial run covers: its own, plus cards whose webhook deliveries waited for the lock. */
function partialScope(request: SyncRequest, editedNow: string[], read: LeadsAsRead, base: ReadonlyMap<string, BaseRecord>, cardHints: Map<string, string>, watched: ReadonlySet<string>): PlanScope {
  const news = request.kind === 'cards' ? request.hints.filter((hint) => !alreadyKnown(hint, base, watched)) : [];
  const cardIds = new Set<string>([...news.map((hint) => hint.cardId), ...cardHints.keys()]);
  const leadIds = new Set<string>(editedNow);
  for (const lead of read.table.leads) if (cardIds.has(lead.cardId)) leadIds.add(lead.id);
  for (const record of base.values()) if (cardIds.has(record.cardId) && !record.rowDeleted) leadIds.add(record.leadId);
  return { leadIds, cardIds };
}

/**
 * True when a delivery claims nothing the base does not already hold — the echo of the add-on's own write, or a
 * repeat — so the card need not be read again. A change of a field the mapping brings to the sheet (`watched`, by
 * lower-case key) is always read: the delivery does not carry every field's new value.
 */
function alreadyKnown(hint: WebhookHint, base: ReadonlyMap<string, BaseRecord>, watched: ReadonlySet<string>): boolean {
  const record = Array.from(base.values()).find((candidate) => candidate.cardId === hint.cardId);
  if (!record || record.rowDeleted || record.cardFate || hint.relayed || hint.closed !== undefined) return false;
  if (hint.fields?.some((field) => watched.has(field.toLowerCase()))) return false;
  return (hint.listId === undefined || hint.listId === record.listId) && (hint.name === undefined || hint.name === record.name);
}

/** Reads only what a partial run needs: its cards one by one, or every open card when a lead in scope has none yet. */
function scopedView(trello: TrelloClient, boardId: string, read: LeadsAsRead, scope: PlanScope, reads: FieldReads | undefined): Pick<BoardRead, 'unread' | 'readWithActions'> & { view: BoardView } {
  const leads = read.table.leads.filter((lead) => scope.leadIds.has(lead.id));
  const cardIds = Array.from(new Set([...leads.map((lead) => lead.cardId).filter(Boolean), ...scope.cardIds]));
  const needsEveryCard = leads.some((lead) => !lead.cardId) || cardIds.length > MAX_CARDS_READ_ONE_BY_ONE;
  // The board's labels, members and custom fields go with the first request the run makes anyway.
  const boardFields = reads?.boardFields ?? false;
  const open = needsEveryCard ? readOpenCards(trello, boardId, reads, boardFields) : { cards: new Map<string, BoardCard>(), boardFields: undefined };
  const toRead = cardIds.filter((id) => !open.cards.has(id));
  const cards = toRead.length || (boardFields && !open.boardFields) ? readCards(trello, boardId, toRead, reads, boardFields && !open.boardFields) : undefined;
  const fields = open.boardFields ?? cards?.boardFields;
  return {
    view: {
      cards: new Map([...open.cards, ...(cards?.cards ?? [])]),
      complete: needsEveryCard,
      fates: cards?.fates ?? new Map(),
      changeTimes: cards?.changeTimes ?? new Map(),
      ...(fields ? { fields } : {}),
    },
    unread: cards?.unread ?? [],
    readWithActions: cardsAnswered(toRead, cards?.unread),
  };
}

/** The cards of `asked` that `readCards` answered for. */
function cardsAnswered(asked: readonly string[], unread: readonly string[] = []): Set<string> {
  return new Set(asked.filter((cardId) => !unread.includes(cardId)));
}
