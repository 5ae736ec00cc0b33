// Routes for a board's custom field definitions (the Custom Fields Power-Up): list, create, delete.
import { boolParam, enumParam, idParam, type Params, parseJson, posParam, textParam } from './params';
import { jsonResponse, trelloErrors } from './responses';
import type { Route } from './route';
import { CUSTOM_FIELD_TYPES, type CustomFieldType, LABEL_COLORS } from './trello-store';
import { customFieldJson } from './views';

/** Colours a list option may have: a label colour, or `none`. */
const OPTION_COLORS: readonly string[] = [...LABEL_COLORS, 'none'];

/**
 * The options of a new `list` field: `[{"value": {"text": "High"}, "color": "red"}, …]` (colour optional, `none` by
 * default). Only list fields take options.
 */
function listOptions(params: Params, type: CustomFieldType): { text: string; color: string }[] {
  if (params.options === undefined) return [];
  const parsed = parseJson(params.options, 'options');
  if (type !== 'list' || !Array.isArray(parsed)) throw trelloErrors.invalidValue('options');
  return parsed.map((option: unknown) => {
    const { value, color = 'none' } = (typeof option === 'object' && option !== null ? option : {}) as { value?: { text?: unknown }; color?: unknown };
    if (typeof value?.text !== 'string' || value.text === '' || typeof color !== 'string' || !OPTION_COLORS.includes(color)) throw trelloErrors.invalidValue('options');
    return { text: value.text, color };
  });
}

export const customFieldRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/boards/{id}/customFields',
    params: [],
    handle(context) {
      const board = context.store.boardFor(context.member, context.path.id);
      return jsonResponse(context.store.customFieldsOf(board.id).map(customFieldJson));
    },
  },
  {
    method: 'POST',
    path: '/customFields',
    // Body properties of the OpenAPI operation; each required one as the file marks it.
    params: ['idModel', 'modelType', 'name', 'type', 'options', 'pos', 'display_cardFront'],
    handle(context) {
      const { params, store } = context;
      const board = store.boardFor(context.member, idParam(params, 'idModel', true));
      if (params.modelType !== 'board') throw trelloErrors.invalidValue('modelType');
      const name = textParam(params, 'name', 'required') ?? '';
      const type = enumParam(params, 'type', CUSTOM_FIELD_TYPES, 'text');
      if (params.type === undefined) throw trelloErrors.invalidValue('type');
      const pos = posParam(params);
      if (pos === undefined) throw trelloErrors.invalidValue('pos');
      const field = store.addCustomField(board, { name, type, pos, cardFront: boolParam(params, 'display_cardFront') ?? true, options: listOptions(params, type) });
      return jsonResponse(customFieldJson(field));
    },
  },
  {
    method: 'DELETE',
    path: '/customFields/{id}',
    params: [],
    handle(context) {
      context.ops.fields.deleteCustomField(context.store.customFieldFor(context.member, context.path.id));
      return jsonResponse({});
    },
  },
];
