// Routes that create, read and change lists.
import { boolParam, idParam, posParam, textParam } from './params';
import { jsonResponse } from './responses';
import type { Route, RouteContext } from './route';
import type { BoardRecord } from './trello-store';
import { LIST_DEFAULT_FIELDS, listJson, selectFields } from './views';

/** `POST /boards/{id}/lists` and `POST /lists` differ only in where the board id comes from. */
function createList(context: RouteContext, board: BoardRecord) {
  const name = textParam(context.params, 'name', 'required') ?? '';
  const list = context.ops.createList(context.member, board, name, posParam(context.params) ?? 'bottom');
  return jsonResponse(listJson(list));
}

export const listRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/boards/{id}/lists',
    params: ['name', 'pos'],
    handle(context) {
      return createList(context, context.store.boardFor(context.member, context.path.id));
    },
  },
  {
    method: 'POST',
    path: '/lists',
    params: ['name', 'idBoard', 'pos'],
    handle(context) {
      return createList(context, context.store.boardFor(context.member, idParam(context.params, 'idBoard', true)));
    },
  },
  {
    method: 'GET',
    path: '/lists/{id}',
    params: ['fields'],
    handle(context) {
      const list = context.store.listFor(context.member, context.path.id);
      return jsonResponse(selectFields(listJson(list), context.params.fields, LIST_DEFAULT_FIELDS));
    },
  },
  {
    method: 'PUT',
    path: '/lists/{id}',
    params: ['name', 'closed', 'pos'],
    handle(context) {
      const { params } = context;
      const list = context.store.listFor(context.member, context.path.id);
      const changes = { name: textParam(params, 'name', 'nonEmpty'), closed: boolParam(params, 'closed'), pos: posParam(params) };
      context.ops.updateList(context.member, list, changes);
      return jsonResponse(listJson(list));
    },
  },
];
