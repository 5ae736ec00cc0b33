// Routes that put labels and members on a card and set its custom field values.
import { customFieldContent } from './custom-field-values';
import { colorParam } from './label-routes';
import { idParam, textParam } from './params';
import { jsonResponse, trelloErrors } from './responses';
import type { Route, RouteContext } from './route';
import type { CardRecord } from './trello-store';
import { cardMemberJson, customFieldItemJson, labelJson } from './views';

/** The card's members, as the member routes answer. */
function cardMembers(context: RouteContext, card: CardRecord) {
  return jsonResponse(card.idMembers.map((id) => cardMemberJson(context.store.memberById(id))));
}

export const cardFieldRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/cards/{id}/idLabels',
    params: ['value'],
    handle(context) {
      const card = context.store.cardFor(context.member, context.path.id);
      const label = context.store.labels.get(idParam(context.params, 'value', true));
      if (!label) throw trelloErrors.invalidValue('value');
      context.ops.fields.addLabel(context.member, card, label);
      return jsonResponse([...card.idLabels]);
    },
  },
  {
    method: 'POST',
    path: '/cards/{id}/labels',
    params: ['color', 'name'],
    handle(context) {
      const card = context.store.cardFor(context.member, context.path.id);
      const color = colorParam(context.params);
      if (color === undefined) throw trelloErrors.invalidValue('color');
      const label = context.ops.fields.createLabel(context.store.boardById(card.idBoard), textParam(context.params, 'name') ?? '', color);
      context.ops.fields.addLabel(context.member, card, label);
      return jsonResponse(labelJson(label));
    },
  },
  {
    method: 'DELETE',
    path: '/cards/{id}/idLabels/{idLabel}',
    params: [],
    handle(context) {
      const card = context.store.cardFor(context.member, context.path.id);
      const label = context.store.labelFor(context.member, context.path.idLabel);
      context.ops.fields.removeLabel(context.member, card, label);
      return jsonResponse([...card.idLabels]);
    },
  },
  {
    method: 'POST',
    path: '/cards/{id}/idMembers',
    params: ['value'],
    handle(context) {
      const card = context.store.cardFor(context.member, context.path.id);
      context.ops.fields.addMember(context.member, card, idParam(context.params, 'value', true));
      return cardMembers(context, card);
    },
  },
  {
    method: 'DELETE',
    path: '/cards/{id}/idMembers/{idMember}',
    params: [],
    handle(context) {
      const card = context.store.cardFor(context.member, context.path.id);
      context.ops.fields.removeMember(context.member, card, idParam(context.path, 'idMember', true));
      return cardMembers(context, card);
    },
  },
  {
    method: 'GET',
    path: '/cards/{id}/customFieldItems',
    params: [],
    handle(context) {
      const card = context.store.cardFor(context.member, context.path.id);
      return jsonResponse([...card.customFieldItems.values()].map((item) => customFieldItemJson(item, card.id)));
    },
  },
  {
    method: 'PUT',
    path: '/cards/{idCard}/customField/{idCustomField}/item',
    // Body properties of the OpenAPI operation (a JSON body, as Trello's custom fields guide sends it).
    params: ['value', 'idValue'],
    handle(context) {
      const card = context.store.cardFor(context.member, context.path.idCard);
      const field = context.store.customFieldFor(context.member, context.path.idCustomField);
      context.ops.fields.setCustomFieldItem(context.member, card, field, customFieldContent(field, context.params));
      const item = card.customFieldItems.get(field.id);
      return jsonResponse(item ? customFieldItemJson(item, card.id) : {});
    },
  },
];
