// Reads an untrusted Trello webhook body into the few facts the sync acts on; anything else is refused, never thrown.
import { fieldsChangedBy, type ActionLike } from './board-actions';

/** What a delivery claims happened to a card. Only a hint: the card is re-read before anything is written. */
export interface WebhookHint {
  actionId: string;
  type: string;
  boardId: string;
  cardId: string;
  /** Epoch ms of the action. */
  date: number;
  /** List the card is in after the action, when the action says. */
  listId?: string;
  /** List the card was in before the action, when the action moved it between lists. */
  oldListId?: string;
  /** Card name after the action, when the action renamed it or names it. */
  name?: string;
  /** Card name before the action, when the action renamed it. */
  oldName?: string;
  /** True when the action archived or deleted the card, false when it unarchived it. */
  closed?: boolean;
  /** True for a hint relayed without its claims (card and action ids only): the card is always read again. */
  relayed?: boolean;
  /** Other card fields the action changed, by mapped field key (`due`, `labels`, `desc`, `custom:<name>`, …). */
  fields?: string[];
}

/** The result of reading a body: a hint, or why it is ignored. */
export type WebhookReading = { hint: WebhookHint } | { ignored: string };

/** Bodies larger than this are not parsed (Trello's are a few KB). */
export const MAX_WEBHOOK_BODY = 256 * 1024;

const TRELLO_ID = /^[0-9a-f]{24}$/i;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Parses a delivery body. */
export function readWebhookBody(body: string): WebhookReading {
  if (!body) return { ignored: 'empty body' };
  if (body.length > MAX_WEBHOOK_BODY) return { ignored: 'body too large' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ignored: 'body is not JSON' };
  }
  return readBoardAction(field(parsed, 'action'), text(field(field(parsed, 'model'), 'id')));
}

/** Reads one board action (a delivery's, or one of the board's actions as Trello lists them) of board `boardId`. */
export function readBoardAction(action: unknown, boardId: string | undefined): WebhookReading {
  const data = field(action, 'data');
  const card = field(data, 'card');
  const actionId = text(field(action, 'id'));
  const type = text(field(action, 'type'));
  const cardId = text(field(card, 'id'));
  const date = Date.parse(text(field(action, 'date')) ?? '');
  if (!actionId || !TRELLO_ID.test(actionId) || !type || !boardId || Number.isNaN(date)) return { ignored: 'not a Trello action' };
  if (!cardId || !TRELLO_ID.test(cardId)) return { ignored: `${type} concerns no card` };
  const hint: WebhookHint = { actionId, type, boardId, cardId, date };
  const listId = text(field(field(data, 'listAfter'), 'id')) ?? (type === 'createCard' ? text(field(field(data, 'list'), 'id')) : undefined);
  if (listId) hint.listId = listId;
  const old = field(data, 'old');
  const oldListId = text(field(field(data, 'listBefore'), 'id'));
  if (listId && oldListId && field(old, 'idList') !== undefined) hint.oldListId = oldListId;
  if (type === 'createCard' || field(old, 'name') !== undefined) {
    const name = text(field(card, 'name'));
    if (name !== undefined) hint.name = name;
  }
  const oldName = text(field(old, 'name'));
  if (oldName !== undefined && hint.name !== undefined) hint.oldName = oldName;
  const fields = fieldsChangedBy(action as ActionLike);
  if (fields.length) hint.fields = fields;
  if (type === 'deleteCard' || type === 'moveCardFromBoard') hint.closed = true;
  else if (typeof field(card, 'closed') === 'boolean' && field(old, 'closed') !== undefined) hint.closed = field(card, 'closed') as boolean;
  return { hint };
}
