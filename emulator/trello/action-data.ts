// The `data` objects of Trello actions, key for key as in captured webhook payloads (test/fixtures/trello-webhook-actions).
import type { BoardRecord, CardRecord, CustomFieldRecord, LabelRecord, ListRecord, MemberRecord } from './trello-store';
import type { JsonObject, JsonValue } from './types';

/** `data.board` */
export const boardRef = (board: BoardRecord): JsonObject => ({ shortLink: board.shortLink, name: board.name, id: board.id });
/** `data.list`, `data.listBefore`, `data.listAfter` */
export const listRef = (list: ListRecord): JsonObject => ({ name: list.name, id: list.id });
/** `data.card` of card actions (plus the changed field for updates). */
export const cardRef = (card: CardRecord): JsonObject => ({ shortLink: card.shortLink, idShort: card.idShort, name: card.name, id: card.id });

/** A card field that an `updateCard` action reports (with its old value under `data.old`). */
export type CardField = 'name' | 'desc' | 'closed' | 'idList' | 'pos' | 'due' | 'dueComplete' | 'start';

/** A card field's value as actions carry it (dates as ISO text). */
export type CardFieldValue = string | number | boolean | null;

/** A list field that an `updateList` action reports. */
export type ListField = 'name' | 'closed' | 'pos';

/** The type and data of one action, before it gets an id, a date and its creator. */
export interface ActionDraft {
  type: string;
  data: JsonObject;
}

export function createCardAction(board: BoardRecord, list: ListRecord, card: CardRecord): ActionDraft {
  return { type: 'createCard', data: { board: boardRef(board), list: listRef(list), card: cardRef(card) } };
}

/**
 * One `updateCard` action for one changed field. A list move carries `listBefore`/`listAfter` instead of `list`;
 * `card` is the card after the change.
 */
export function updateCardAction(
  board: BoardRecord,
  card: CardRecord,
  change: { field: CardField; value: CardFieldValue; old: CardFieldValue },
  lists: { current: ListRecord; before: ListRecord },
): ActionDraft {
  const { field, old } = change;
  const changedCard = { ...cardRef(card), [field]: change.value };
  const where: JsonObject = field === 'idList' ? { listAfter: listRef(lists.current), listBefore: listRef(lists.before) } : { list: listRef(lists.current) };
  return { type: 'updateCard', data: { ...where, board: boardRef(board), card: changedCard, old: { [field]: old } } };
}

/** `deleteCard` keeps only the card's id and idShort. */
export function deleteCardAction(board: BoardRecord, list: ListRecord, card: CardRecord): ActionDraft {
  return { type: 'deleteCard', data: { board: boardRef(board), list: listRef(list), card: { idShort: card.idShort, id: card.id } } };
}

/** Recorded on the board the card left. */
export function moveCardFromBoardAction(
  source: BoardRecord,
  target: BoardRecord,
  list: ListRecord,
  card: CardRecord,
  actor: MemberRecord,
): ActionDraft {
  return {
    type: 'moveCardFromBoard',
    data: {
      member: { name: actor.fullName, id: actor.id },
      list: listRef(list),
      boardTarget: { name: target.name, id: target.id },
      board: boardRef(source),
      card: { name: card.name, id: card.id },
    },
  };
}

/** Recorded on the board the card arrived on. */
export function moveCardToBoardAction(source: BoardRecord, target: BoardRecord, list: ListRecord, card: CardRecord): ActionDraft {
  return {
    type: 'moveCardToBoard',
    data: { list: listRef(list), boardSource: { name: source.name, id: source.id }, board: boardRef(target), card: cardRef(card) },
  };
}

export function createListAction(board: BoardRecord, list: ListRecord): ActionDraft {
  return { type: 'createList', data: { board: boardRef(board), list: listRef(list) } };
}

/** One `updateList` action for one changed field. */
export function updateListAction(board: BoardRecord, list: ListRecord, field: ListField, old: string | number | boolean): ActionDraft {
  return { type: 'updateList', data: { board: boardRef(board), list: { ...listRef(list), [field]: list[field] }, old: { [field]: old } } };
}

/** `data.label` of label actions. */
const labelRef = (label: LabelRecord): JsonObject => ({ id: label.id, name: label.name, color: label.color });

/** `addLabelToCard` / `removeLabelFromCard`: the card, its board and the label. */
export function cardLabelAction(type: 'addLabelToCard' | 'removeLabelFromCard', board: BoardRecord, card: CardRecord, label: LabelRecord): ActionDraft {
  return { type, data: { board: boardRef(board), card: cardRef(card), label: labelRef(label) } };
}

/** `addMemberToCard` / `removeMemberFromCard`: the card, its board, and the member by id and by name. */
export function cardMemberAction(type: 'addMemberToCard' | 'removeMemberFromCard', board: BoardRecord, card: CardRecord, member: MemberRecord): ActionDraft {
  return { type, data: { board: boardRef(board), card: cardRef(card), idMember: member.id, member: { id: member.id, name: member.fullName } } };
}

/**
 * `updateCustomFieldItem`: the field (id, name, type), the item as it is now and its old value, `value` (null when
 * cleared) or, for list fields, `idValue`.
 */
export function updateCustomFieldItemAction(
  board: BoardRecord,
  card: CardRecord,
  field: CustomFieldRecord,
  item: { id: string; now: JsonObject; old: JsonObject },
): ActionDraft {
  const customFieldItem: JsonObject = { id: item.id, ...item.now, idCustomField: field.id, idModel: card.id, modelType: 'card' };
  const customField: JsonValue = { id: field.id, name: field.name, type: field.type };
  return { type: 'updateCustomFieldItem', data: { board: boardRef(board), card: cardRef(card), customField, customFieldItem, old: item.old } };
}
