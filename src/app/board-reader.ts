// Reads the board for a run: everything in one /batch request for a full run (paging through a busy board's actions),
// or just some cards for a partial one.
import { refusesCredentials, TrelloError, trelloPath, type TrelloClient, type TrelloResult } from '../adapters/trello-client';
import type { CardFate } from '../core/base-record';
import { changeTimesFrom, newestActionId, oldestActionId, type ActionLike } from '../core/board-actions';
import { mappedLists, type BoardCard, type BoardFields, type CardChangeTimes, type CustomFieldItem, type MappedLists } from '../core/board';
import type { FieldReads } from '../core/field-mapping';
import { mappedListNames, type StatusMapping } from '../core/status-mapping';

/** A card as Trello answers it (the fields the sync reads). */
interface TrelloCardJson {
  id: string;
  name: string;
  desc?: string;
  idList: string;
  idBoard: string;
  closed?: boolean;
  shortLink?: string;
  actions?: ActionLike[];
  due?: string | null;
  dueComplete?: boolean;
  idLabels?: string[];
  idMembers?: string[];
  customFieldItems?: CustomFieldItem[];
}

/** A list of the board as Trello returns it. */
export interface TrelloListJson {
  id: string;
  name: string;
  closed?: boolean;
}

/** The board's open lists (one request); throws Trello's answer when the board cannot be read. */
export function readOpenLists(trello: TrelloClient, boardId: string): TrelloListJson[] {
  return trello.request<TrelloListJson[]>({ method: 'get', path: `${trelloPath('boards', boardId)}/lists`, query: { filter: 'open', fields: 'name,closed' } });
}

/** Creates a list at the bottom of the board and returns its id. */
export function createList(trello: TrelloClient, boardId: string, name: string): string {
  return trello.request<TrelloListJson>({ method: 'post', path: '/lists', body: { name, idBoard: boardId, pos: 'bottom' } }).id;
}

/** Raised when a mapped list is not on the board and nobody asked for it to be created. */
export class MissingListError extends Error {
  constructor(readonly names: string[]) {
    super(
      `The board has no open list ${names.map((name) => `“${name}”`).join(', ')} named in the status mapping. ` +
        'Open Trello Sync → Open sidebar and save the mapping: it offers to create the list.',
    );
    this.name = 'MissingListError';
  }
}

/** Cards read by id: the open ones, and what became of the others. */
export interface CardsRead {
  cards: Map<string, BoardCard>;
  fates: Map<string, CardFate>;
  changeTimes: Map<string, CardChangeTimes>;
  /** Cards Trello did not answer for this time (rate limit, outage, out of time): a later run reads them. */
  unread: string[];
  /** The board's labels, members and custom fields, when asked for. */
  boardFields?: BoardFields;
}

/** A full read of the board. */
export interface FullBoardRead {
  cards: Map<string, BoardCard>;
  lists: MappedLists;
  changeTimes: Map<string, CardChangeTimes>;
  /** The newest board action id (or, on a board without actions, the run's start), for the next run. */
  cursor: string;
  /** Trello's answer about the stored webhook, when one was asked about. */
  webhook?: TrelloResult;
  /** The board's labels, members and custom fields, when FIELD_MAPPING needs them. */
  boardFields?: BoardFields;
}

/** Trello answers at most 1,000 board actions per request; a full page means there may be more. */
const ACTIONS_PAGE = 1000;

/**
 * The card fields the sync reads, asked for by name (Trello sends about 40 by default, five times the bytes): a quiet
 * run at 10,000 leads moves about 2 MB from Trello rather than 12. A card nested in its list needs no `idList`.
 */
const NESTED_CARD_FIELDS = 'name,desc,shortLink';
/** The card fields a mapping of due dates, labels or members reads besides (custom field items come apart). */
const MAPPED_CARD_FIELDS = 'due,dueComplete,idLabels,idMembers';
/** A card read by id also says where it is and whether it is archived. */
const CARD_BY_ID_FIELDS = `${NESTED_CARD_FIELDS},idList,idBoard,closed`;
/** The action fields the change times and the cursor read (`id` always comes); the member who acted is left out. */
const ACTION_PARAMS: Record<string, string> = { fields: 'data,date,type', memberCreator: 'false', member: 'false' };
const ACTION_QUERY = Object.entries(ACTION_PARAMS).map(([name, value]) => `${name}=${value}`).join('&');

/** The card fields to ask for: `fields`, and the mapped ones when a mapping needs them. */
function cardFields(fields: string, reads?: FieldReads): string {
  return reads ? `${fields},${MAPPED_CARD_FIELDS}` : fields;
}

/**
 * Every list of the board (archived ones too, so that an open card of an archived list is still seen) with its open
 * cards nested, in one route: cards and lists in one URL count once against Trello's rate limit.
 */
export function listsWithCardsRoute(boardId: string, reads?: FieldReads): string {
  return `${trelloPath('boards', boardId)}/lists?filter=all&fields=name,closed&cards=open&card_fields=${cardFields(NESTED_CARD_FIELDS, reads)}`;
}

/** The board's actions since `cursor` (a page of them), or only the newest one when there is no cursor yet. */
export function actionsRoute(boardId: string, cursor: string): string {
  const page = cursor ? `since=${encodeURIComponent(cursor)}&limit=${ACTIONS_PAGE}` : 'limit=1';
  return `${trelloPath('boards', boardId)}/actions?${page}&${ACTION_QUERY}`;
}

/** The card actions that change what a mapping syncs (updateCard changes name, list, description, due date). */
const MAPPED_FIELD_ACTIONS = ['updateCard', 'addLabelToCard', 'removeLabelFromCard', 'addMemberToCard', 'removeMemberFromCard', 'updateCustomFieldItem'];

/** One card by id, with its recent actions for change times (those of the mapped fields too, when a mapping needs them). */
export function cardRoute(cardId: string, reads?: FieldReads): string {
  const actions = reads ? MAPPED_FIELD_ACTIONS.join(',') : 'updateCard';
  return `${trelloPath('cards', cardId)}?fields=${cardFields(CARD_BY_ID_FIELDS, reads)}&actions=${actions}${reads?.items ? '&customFieldItems=true' : ''}`;
}

/** A list of the board with its nested open cards, as `listsWithCardsRoute` asks for it. */
interface TrelloListWithCards extends TrelloListJson {
  cards?: Omit<TrelloCardJson, 'idList' | 'idBoard'>[];
}

function toBoardCard(card: Omit<TrelloCardJson, 'idBoard'>, reads?: FieldReads): BoardCard {
  const board: BoardCard = {
    id: card.id,
    name: card.name,
    desc: card.desc ?? '',
    idList: card.idList,
    shortLink: card.shortLink ?? '',
  };
  if (!reads) return board;
  return { ...board, due: card.due ?? null, dueComplete: card.dueComplete === true, idLabels: card.idLabels ?? [], idMembers: card.idMembers ?? [], customFieldItems: card.customFieldItems ?? [] };
}

/** Trello answers at most 50 labels of a board unless asked for more (1,000 at most). */
const LABELS_LIMIT = 1000;

/** The routes of the board's labels, members and custom fields (read in the same /batch as the cards). */
function boardFieldRoutes(boardId: string): string[] {
  const board = trelloPath('boards', boardId);
  return [`${board}/labels?limit=${LABELS_LIMIT}`, `${board}/members`, `${board}/customFields`];
}
/** How many routes `boardFieldRoutes` adds. */
const BOARD_FIELD_ROUTES = 3;

/** The board's labels, members and custom fields from the answers to `boardFieldRoutes`. */
function boardFieldsOf(boardId: string, results: TrelloResult[]): BoardFields {
  const [labels, members, customFields] = required(boardId, results);
  return { labels: dataOf(labels), members: dataOf(members), customFields: dataOf(customFields) };
}

/**
 * The board's open cards with their custom field items, for a mapping of custom fields: nested cards cannot carry
 * them, so this route comes beside `listsWithCardsRoute` in the same /batch.
 */
function customFieldItemsRoute(boardId: string): string {
  return `${trelloPath('boards', boardId)}/cards?customFieldItems=true`;
}

/**
 * What a board read asks for: its lists with their cards, then (as the mapping needs them) the cards' custom field
 * items and the board's labels, members and custom fields.
 */
function boardCardRoutes(boardId: string, reads: FieldReads | undefined, withBoardFields: boolean): string[] {
  return [listsWithCardsRoute(boardId, reads), ...(reads?.items ? [customFieldItemsRoute(boardId)] : []), ...(withBoardFields ? boardFieldRoutes(boardId) : [])];
}

/** The board's cards and (when asked for) fields from the answers to `boardCardRoutes`, in the same order. */
function boardCardsOf(boardId: string, results: TrelloResult[], reads: FieldReads | undefined, withBoardFields: boolean): { lists: TrelloListWithCards[]; cards: Map<string, BoardCard>; boardFields?: BoardFields } {
  const [listsResult, ...rest] = results;
  const itemsResult = reads?.items ? rest.shift() : undefined;
  required(boardId, itemsResult ? [listsResult, itemsResult] : [listsResult]);
  const lists = dataOf<TrelloListWithCards[]>(listsResult);
  const items = itemsResult ? new Map(dataOf<TrelloCardJson[]>(itemsResult).map((card) => [card.id, card.customFieldItems ?? []])) : undefined;
  const cards = cardsById(lists, reads, items);
  return { lists, cards, ...(withBoardFields ? { boardFields: boardFieldsOf(boardId, rest.slice(0, BOARD_FIELD_ROUTES)) } : {}) };
}

/** Turns a refused board read into a message that says what to do. */
function boardReadError(boardId: string, result: { status: number; message: string }): TrelloError {
  // Trello's own answer: the run stops with the connection message built from it.
  if (refusesCredentials(result.status)) return new TrelloError(result.status, result.message);
  if (result.status === 404 || result.status === 400) {
    return new TrelloError(result.status, `The Trello board ${boardId} was not found, or this token cannot see it. Pick the board again in the sidebar.`);
  }
  return new TrelloError(result.status, `Trello could not be read: ${result.message}`);
}

/** The routes' answers through /1/batch; a refusal of the batch as a whole says what to do. */
function boardBatch(trello: TrelloClient, boardId: string, routes: string[]): TrelloResult[] {
  try {
    return trello.batchGet(routes);
  } catch (error) {
    throw error instanceof TrelloError ? boardReadError(boardId, error) : error;
  }
}

/** The answers the run cannot do without: a refusal of any says what to do. */
function required(boardId: string, results: TrelloResult[]): TrelloResult[] {
  for (const result of results) if (!result.ok) throw boardReadError(boardId, result);
  return results;
}

/** The data of answers that `boardBatch` required to be ok. */
function dataOf<T>(result: TrelloResult): T {
  return (result.ok ? result.data : []) as T;
}

/** The open cards of a `listsWithCardsRoute` answer by id, with their custom field items when these were read. */
function cardsById(lists: TrelloListWithCards[], reads?: FieldReads, items?: Map<string, CustomFieldItem[]>): Map<string, BoardCard> {
  const cards = new Map<string, BoardCard>();
  for (const list of lists) {
    for (const card of list.cards ?? []) cards.set(card.id, toBoardCard({ ...card, idList: list.id, customFieldItems: items?.get(card.id) }, reads));
  }
  return cards;
}

/** How far before a run's start a date cursor reaches back. */
const CURSOR_OVERLAP_MS = 1000;

/** What a full read needs besides the board: the actions cursor, the stored webhook (if any) and the run's start. */
export interface FullReadInput {
  mapping: StatusMapping;
  storedListIds: Record<string, string>;
  cursor: string;
  webhookId?: string;
  startedAt: number;
  /** Whether missing mapped lists may be created: only for the default mapping of a fresh setup. */
  createMissingLists: boolean;
  /** What FIELD_MAPPING needs read beyond today's fields. */
  reads?: FieldReads;
}

/**
 * Reads the board's lists, open cards and actions since the cursor — and the stored webhook's state — in one request;
 * pages through the older actions when Trello's page is full; creates missing mapped lists only when `createMissingLists` allows it.
 */
export function readFullBoard(trello: TrelloClient, boardId: string, input: FullReadInput): FullBoardRead {
  const board = trelloPath('boards', boardId);
  const { cursor } = input;
  const webhookRoutes = input.webhookId ? [trelloPath('webhooks', input.webhookId)] : [];
  const withBoardFields = input.reads?.boardFields ?? false;
  const cardRoutes = boardCardRoutes(boardId, input.reads, withBoardFields);
  const results = boardBatch(trello, boardId, [...cardRoutes, actionsRoute(boardId, cursor), ...webhookRoutes]);
  const { lists: boardLists, cards, boardFields } = boardCardsOf(boardId, results, input.reads, withBoardFields);
  const [actionsResult, webhook] = results.slice(cardRoutes.length);
  required(boardId, [actionsResult]);
  const actions = cursor ? withOlderPages(trello, board, cursor, dataOf<ActionLike[]>(actionsResult)) : dataOf<ActionLike[]>(actionsResult);
  const lists = resolveLists(trello, boardId, input, boardLists);
  // On a board without actions yet, the next run reads what happened since this one started (a second early, as
  // Trello's `since` may leave out an action of the very same instant; reading one twice is harmless).
  const next = newestActionId(actions, cursor) || new Date(input.startedAt - CURSOR_OVERLAP_MS).toISOString();
  return { cards, lists, changeTimes: changeTimesFrom(actions), cursor: next, webhook, ...(boardFields ? { boardFields } : {}) };
}

/**
 * The actions since `cursor`, older pages included: a busy board has more than one page between two runs, and a
 * move on a truncated page would lose its time (the conflict rule needs it). A refused page stops the run, which
 * then reads again from the same cursor.
 */
function withOlderPages(trello: TrelloClient, board: string, cursor: string, newest: ActionLike[]): ActionLike[] {
  const actions = [...newest];
  for (let page = newest; page.length >= ACTIONS_PAGE; ) {
    const before = oldestActionId(page);
    if (!before) break;
    page = trello.request<ActionLike[]>({
      method: 'get',
      path: `${board}/actions`,
      query: { since: cursor, before, limit: String(ACTIONS_PAGE), ...ACTION_PARAMS },
    });
    actions.push(...page);
  }
  return actions;
}

/**
 * Finds each mapped list: by its stored id while that list is open (so a rename on the board keeps the mapping), else
 * by name among open lists, else creates it when allowed (else throws MissingListError). Archived lists are ignored.
 */
function resolveLists(trello: TrelloClient, boardId: string, input: FullReadInput, boardLists: TrelloListJson[]): MappedLists {
  const open = boardLists.filter((list) => !list.closed);
  const found = new Map<string, string | undefined>();
  for (const name of mappedListNames(input.mapping)) {
    const stored = open.find((list) => list.id === input.storedListIds[name]);
    found.set(name, stored?.id ?? open.find((list) => list.name.trim() === name)?.id);
  }
  const missing = [...found].filter(([, id]) => id === undefined).map(([name]) => name);
  if (missing.length > 0 && !input.createMissingLists) throw new MissingListError(missing);
  const idByName = new Map<string, string>();
  for (const [name, id] of found) idByName.set(name, id ?? createList(trello, boardId, name));
  return mappedLists(idByName);
}

/**
 * Reads open cards of the board in one request (for adoption by marker) without actions; with the board's labels,
 * members and custom fields when `withBoardFields`.
 */
export function readOpenCards(trello: TrelloClient, boardId: string, reads?: FieldReads, withBoardFields = false): { cards: Map<string, BoardCard>; boardFields?: BoardFields } {
  const { cards, boardFields } = boardCardsOf(boardId, boardBatch(trello, boardId, boardCardRoutes(boardId, reads, withBoardFields)), reads, withBoardFields);
  return { cards, ...(boardFields ? { boardFields } : {}) };
}

/**
 * Re-reads cards by id (10 per request), with their recent actions for change times (updates, and the label, member
 * and custom field actions a mapping needs); with the board's labels, members and custom fields when `withBoardFields`.
 */
export function readCards(trello: TrelloClient, boardId: string, cardIds: string[], reads?: FieldReads, withBoardFields = false): CardsRead {
  const read: CardsRead = { cards: new Map(), fates: new Map(), changeTimes: new Map(), unread: [] };
  const fieldRoutes = withBoardFields ? boardFieldRoutes(boardId) : [];
  const answers = boardBatch(trello, boardId, [...fieldRoutes, ...cardIds.map((id) => cardRoute(id, reads))]);
  if (fieldRoutes.length) read.boardFields = boardFieldsOf(boardId, answers.slice(0, fieldRoutes.length));
  const results = answers.slice(fieldRoutes.length);
  results.forEach((result, index) => {
    const cardId = cardIds[index];
    if (!result.ok) {
      // 404 for an unknown card; 400 "invalid id" for text that cannot be a card id. Other failures tell nothing.
      if (result.status === 404 || (result.status === 400 && /invalid id/i.test(result.message))) read.fates.set(cardId, 'deleted');
      else if (result.status === 401) read.fates.set(cardId, 'moved'); // this card alone refused: a board the token cannot see
      else if (result.retryable) read.unread.push(cardId);
      return;
    }
    const card = result.data as TrelloCardJson;
    // Answers are matched by the card's own id, never by position alone.
    if (card?.id !== cardId) {
      read.unread.push(cardId);
      return;
    }
    if (card.idBoard !== boardId) read.fates.set(cardId, 'moved');
    else if (card.closed) read.fates.set(cardId, 'archived');
    else read.cards.set(cardId, toBoardCard(card, reads));
    const times = changeTimesFrom(card.actions ?? []).get(cardId);
    if (times) read.changeTimes.set(cardId, times);
  });
  return read;
}
