// Routes for a board's labels: list, create, rename or recolour, delete.
import { enumParam, type Params, textParam } from './params';
import { jsonResponse, trelloErrors } from './responses';
import type { Route } from './route';
import { LABEL_COLORS } from './trello-store';
import { labelJson, selectFields } from './views';

const DEFAULT_LABEL_LIMIT = 50;
const MAX_LABEL_LIMIT = 1000;

/** A label colour, or `null` (the text) for a label without colour; undefined when absent. */
export function colorParam(params: Params): string | null | undefined {
  if (params.color === undefined) return undefined;
  return params.color === 'null' ? null : enumParam(params, 'color', LABEL_COLORS, 'green');
}

function labelLimit(params: Params): number {
  if (params.limit === undefined) return DEFAULT_LABEL_LIMIT;
  const limit = Number(params.limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LABEL_LIMIT) throw trelloErrors.invalidValue('limit');
  return limit;
}

export const labelRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/boards/{id}/labels',
    params: ['fields', 'limit'],
    handle(context) {
      const board = context.store.boardFor(context.member, context.path.id);
      const labels = context.store.labelsOf(board.id).slice(0, labelLimit(context.params));
      return jsonResponse(labels.map((label) => selectFields(labelJson(label), context.params.fields)));
    },
  },
  {
    method: 'POST',
    path: '/boards/{id}/labels',
    params: ['name', 'color'],
    handle(context) {
      const { params } = context;
      const board = context.store.boardFor(context.member, context.path.id);
      const name = textParam(params, 'name', 'required') ?? '';
      const color = colorParam(params);
      if (color === undefined) throw trelloErrors.invalidValue('color');
      return jsonResponse(labelJson(context.ops.fields.createLabel(board, name, color)));
    },
  },
  {
    method: 'PUT',
    path: '/labels/{id}',
    params: ['name', 'color'],
    handle(context) {
      const label = context.store.labelFor(context.member, context.path.id);
      context.ops.fields.updateLabel(label, { name: textParam(context.params, 'name'), color: colorParam(context.params) });
      return jsonResponse(labelJson(label));
    },
  },
  {
    method: 'DELETE',
    path: '/labels/{id}',
    params: [],
    handle(context) {
      context.ops.fields.deleteLabel(context.store.labelFor(context.member, context.path.id));
      return jsonResponse({});
    },
  },
];
