// Routes that create, read, change and delete cards.
import { boolParam, dateParam, idListParam, idParam, type Params, posParam, textParam } from './params';
import { jsonResponse, trelloErrors } from './responses';
import type { Route, RouteContext } from './route';
import type { CardRecord, ListRecord, TrelloStore } from './trello-store';
import type { JsonObject, TrelloAction } from './types';
import { BOARD_DEFAULT_FIELDS, boardJson, cardJson, customFieldItemJson, LIST_DEFAULT_FIELDS, listJson, selectFields } from './views';

/** A card with the fields `fields` selects, and its custom field values when `customFieldItems=true`. */
export function cardView(store: TrelloStore, card: CardRecord, params: Params, fieldsParam = 'fields'): JsonObject {
  const json = selectFields(cardJson(card, store.labels), params[fieldsParam], 'all', fieldsParam);
  if (boolParam(params, 'customFieldItems')) json.customFieldItems = [...card.customFieldItems.values()].map((item) => customFieldItemJson(item, card.id));
  return json;
}

/** The label, member and date parameters that `POST /cards` and `PUT /cards/{id}` share. */
function fieldChanges(params: Params) {
  return {
    due: dateParam(params, 'due'),
    start: dateParam(params, 'start'),
    dueComplete: boolParam(params, 'dueComplete'),
    idLabels: idListParam(params, 'idLabels'),
    idMembers: idListParam(params, 'idMembers'),
  };
}

/** Where `PUT /cards/{id}` sends the card, from `idList` and `idBoard` (a list of the target board when only `idBoard` is given). */
function destinationList(context: RouteContext, card: CardRecord, params: Params): ListRecord | undefined {
  const idList = idParam(params, 'idList');
  const idBoard = idParam(params, 'idBoard');
  if (idList === undefined && (idBoard === undefined || idBoard === card.idBoard)) return undefined;
  if (idList === undefined) {
    const board = context.store.boardFor(context.member, idBoard ?? card.idBoard);
    const first = context.store.listsOf(board.id).find((l) => !l.closed);
    if (!first) throw trelloErrors.invalidValue('idBoard');
    return first;
  }
  const list = context.store.lists.get(idList);
  if (!list || (idBoard !== undefined && list.idBoard !== idBoard)) throw trelloErrors.invalidValue('idList');
  context.store.boardFor(context.member, list.idBoard);
  return list;
}

/** How many nested actions a card answer carries (Trello's default `actions_limit`). */
const NESTED_ACTIONS_LIMIT = 50;

/**
 * The card's actions for the nested `actions` parameter, newest first: `all`, or a comma-separated list of types, each
 * optionally narrowed to a changed field (`updateCard:idList`), as in Trello's action-type filters.
 */
function nestedCardActions(boardActions: readonly TrelloAction[], cardId: string, filter: string): TrelloAction[] {
  const wanted = filter === 'all' ? undefined : filter.split(',').map((entry) => entry.trim().split(':'));
  const matches = (action: TrelloAction) => {
    if (!wanted) return true;
    const old = (action.data as { old?: Record<string, unknown> }).old ?? {};
    return wanted.some(([type, field]) => action.type === type && (field === undefined || field in old));
  };
  return [...boardActions]
    .reverse()
    .filter((action) => (action.data as { card?: { id?: string } }).card?.id === cardId && matches(action))
    .slice(0, NESTED_ACTIONS_LIMIT);
}

export const cardRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/cards',
    params: ['name', 'desc', 'pos', 'idList', 'due', 'start', 'dueComplete', 'idLabels', 'idMembers'],
    handle(context) {
      const { params, store } = context;
      const list = store.lists.get(idParam(params, 'idList', true));
      if (!list) throw trelloErrors.cardBoardNotFound();
      store.boardFor(context.member, list.idBoard);
      const name = textParam(params, 'name') ?? '';
      const desc = textParam(params, 'desc') ?? '';
      const card = context.ops.createCard(context.member, list, { name, desc, pos: posParam(params) ?? 'bottom', ...fieldChanges(params) });
      // The creation answer also carries the (empty) nested collections and limits.
      return jsonResponse({ ...cardJson(card, store.labels), attachments: [], stickers: [], limits: {} });
    },
  },
  {
    method: 'GET',
    path: '/cards/{id}',
    params: ['fields', 'board', 'list', 'actions', 'customFieldItems'],
    handle(context) {
      const { params, store } = context;
      const card = store.cardFor(context.member, context.path.id);
      const json = cardView(store, card, params);
      if (params.actions !== undefined && params.actions !== 'none') json.actions = nestedCardActions(store.boardById(card.idBoard).actions, card.id, params.actions);
      if (boolParam(params, 'board')) json.board = selectFields(boardJson(store.boardById(card.idBoard)), undefined, BOARD_DEFAULT_FIELDS);
      if (boolParam(params, 'list')) json.list = selectFields(listJson(store.listById(card.idList)), undefined, LIST_DEFAULT_FIELDS);
      return jsonResponse(json);
    },
  },
  {
    method: 'PUT',
    path: '/cards/{id}',
    params: ['name', 'desc', 'closed', 'idList', 'idBoard', 'pos', 'due', 'start', 'dueComplete', 'idLabels', 'idMembers'],
    handle(context) {
      const { params } = context;
      const card = context.store.cardFor(context.member, context.path.id);
      const changes = {
        name: textParam(params, 'name'),
        desc: textParam(params, 'desc'),
        closed: boolParam(params, 'closed'),
        pos: posParam(params),
        idList: destinationList(context, card, params)?.id,
        ...fieldChanges(params),
      };
      context.ops.updateCard(context.member, card, changes);
      return jsonResponse(cardJson(card, context.store.labels));
    },
  },
  {
    method: 'DELETE',
    path: '/cards/{id}',
    params: [],
    handle(context) {
      context.ops.deleteCard(context.member, context.store.cardFor(context.member, context.path.id));
      return jsonResponse({ limits: {} });
    },
  },
];
