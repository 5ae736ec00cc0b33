// The `data` objects of Trello actions, key for key as in captured webhook payloads (test/fixtures/trello-webhook-actions).
import type { BoardRecord, CardRecord, ListRecord, MemberRecord } from './trello-store';
import type { JsonObject } from './types';

/** `data.board` */
export const boardRef = (board: BoardRecord): JsonObject => ({ shortLink: board.shortLink, name: board.name, id: board.id });
/** `data.list`, `data.listBefore`, `data.listAfter` */
export const listRef = (list: ListRecord): JsonObject => ({ name: list.name, id: list.id });
/** `data.card` of card actions (plus the changed field for updates). */
export const cardRef = (card: CardRecord): JsonObject => ({ shortLink: card.shortLink, idShort: card.idShort, name: card.name, id: card.id });

/** A card field that an `updateCard` action reports (with its old value under `data.old`). */
export type CardField = 'name' | 'desc' | 'closed' | 'idList' | 'pos';

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
  field: CardField,
  old: string | number | boolean,
  lists: { current: ListRecord; before: ListRecord },
): ActionDraft {
  const changedCard = { ...cardRef(card), [field]: card[field] };
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
