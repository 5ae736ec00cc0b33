// Routes under /boards: a board (with nested lists and cards), its lists, its cards and its actions.
import { CARD_FILTERS, type CardFilter, filterCards } from './card-filters';
import { isTrelloId } from './object-id';
import { cardView } from './card-routes';
import { boolParam, enumParam, type Params } from './params';
import { jsonResponse, trelloErrors } from './responses';
import type { Route, RouteContext } from './route';
import type { BoardRecord, ListRecord } from './trello-store';
import type { JsonObject, TrelloAction } from './types';
import { BOARD_DEFAULT_FIELDS, boardJson, boardMemberJson, customFieldJson, labelJson, listJson, selectFields } from './views';

const VIEW_FILTERS = ['all', 'closed', 'none', 'open'] as const;
const DEFAULT_ACTION_LIMIT = 50;
const MAX_ACTION_LIMIT = 1000;

function listsByFilter(lists: ListRecord[], filter: (typeof VIEW_FILTERS)[number]): ListRecord[] {
  if (filter === 'all') return lists;
  if (filter === 'none') return [];
  return lists.filter((l) => l.closed === (filter === 'closed'));
}

/** The board's cards that `filter` keeps, each as `cardView` shows it with `params` (`fieldsParam` naming the fields parameter). */
function cardsJson(context: RouteContext, board: BoardRecord, filter: CardFilter, params: Params = {}, fieldsParam = 'fields'): JsonObject[] {
  const cards = filterCards(context.store, context.store.cardsOf(board.id), filter);
  return cards.map((card) => cardView(context.store, card, params, fieldsParam));
}

/** An action id or an ISO date, as `since`/`before` take them; the instant or id to compare with. */
function actionBound(params: Params, name: string): ((action: TrelloAction) => number) | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (isTrelloId(value)) {
    const id = value.toLowerCase();
    return (action) => (action.id < id ? -1 : action.id > id ? 1 : 0);
  }
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw trelloErrors.invalidValue(name);
  return (action) => Date.parse(action.date) - at;
}

/**
 * An action as `fields`, `memberCreator` and `member` ask for it (OpenAPI `GET /boards/{boardId}/actions`): `fields`
 * picks the action's own fields (`id` always stays); `memberCreator` (default true) nests who acted; the `member` an
 * action is about exists only on member actions, which the emulator does not make, so `member` only has its value checked.
 */
function actionView(action: TrelloAction, params: Params): JsonObject {
  const { memberCreator, ...own } = action;
  const json = selectFields(own, params.fields);
  boolParam(params, 'member');
  if (boolParam(params, 'memberCreator') !== false) json.memberCreator = memberCreator;
  return json;
}

function actionLimit(params: Params): number {
  const value = params.limit;
  if (value === undefined) return DEFAULT_ACTION_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_ACTION_LIMIT) throw trelloErrors.invalidValue('limit');
  return limit;
}

export const boardRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/boards/{id}',
    params: ['fields', 'lists', 'cards', 'labels', 'members', 'customFields'],
    handle(context) {
      const { store, params } = context;
      const board = store.boardFor(context.member, context.path.id);
      const json = selectFields(boardJson(board), params.fields, BOARD_DEFAULT_FIELDS);
      const lists = enumParam(params, 'lists', VIEW_FILTERS, 'none');
      const cards = enumParam(params, 'cards', CARD_FILTERS, 'none');
      const labels = enumParam(params, 'labels', ['all', 'none'], 'none');
      const members = enumParam(params, 'members', ['all', 'none'], 'none');
      if (lists !== 'none') json.lists = listsByFilter(store.listsOf(board.id), lists).map(listJson);
      if (cards !== 'none') json.cards = cardsJson(context, board, cards);
      if (labels === 'all') json.labels = store.labelsOf(board.id).map(labelJson);
      if (members === 'all') json.members = store.membersOf(board).map(boardMemberJson);
      if (boolParam(params, 'customFields')) json.customFields = store.customFieldsOf(board.id).map(customFieldJson);
      return jsonResponse(json);
    },
  },
  {
    method: 'GET',
    path: '/boards/{id}/lists',
    params: ['cards', 'card_fields', 'filter', 'fields'],
    handle(context) {
      const { store, params } = context;
      const board = store.boardFor(context.member, context.path.id);
      const filter = enumParam(params, 'filter', VIEW_FILTERS, 'open');
      const cards = enumParam(params, 'cards', VIEW_FILTERS, 'none');
      const allCards = cards === 'none' ? [] : cardsJson(context, board, cards, params, 'card_fields');
      return jsonResponse(
        listsByFilter(store.listsOf(board.id), filter).map((list) => {
          const json = selectFields(listJson(list), params.fields);
          if (cards !== 'none') json.cards = allCards.filter((card) => store.cards.get(String(card.id))?.idList === list.id);
          return json;
        }),
      );
    },
  },
  {
    method: 'GET',
    path: '/boards/{id}/cards',
    // `customFieldItems` is documented in Trello's custom fields guide, not in the OpenAPI file (see the README).
    params: ['customFieldItems'],
    handle(context) {
      return jsonResponse(cardsJson(context, context.store.boardFor(context.member, context.path.id), 'open', context.params));
    },
  },
  {
    method: 'GET',
    path: '/boards/{id}/members',
    params: [],
    handle(context) {
      const board = context.store.boardFor(context.member, context.path.id);
      return jsonResponse(context.store.membersOf(board).map(boardMemberJson));
    },
  },
  {
    method: 'GET',
    path: '/boards/{id}/cards/{filter}',
    params: [],
    handle(context) {
      const board = context.store.boardFor(context.member, context.path.id);
      const filter = enumParam(context.path, 'filter', CARD_FILTERS, 'open');
      return jsonResponse(cardsJson(context, board, filter));
    },
  },
  {
    method: 'GET',
    path: '/boards/{boardId}/actions',
    params: ['filter', 'since', 'before', 'limit', 'fields', 'memberCreator', 'member'],
    handle(context) {
      const { params } = context;
      const board = context.store.boardFor(context.member, context.path.boardId);
      const types = params.filter === undefined || params.filter === 'all' ? undefined : params.filter.split(',');
      const since = actionBound(params, 'since');
      const before = actionBound(params, 'before');
      const actions = [...board.actions]
        .reverse()
        .filter((a) => (types ? types.includes(a.type) : true) && (since ? since(a) > 0 : true) && (before ? before(a) < 0 : true));
      return jsonResponse(actions.slice(0, actionLimit(params)).map((action) => actionView(action, params)));
    },
  },
];
