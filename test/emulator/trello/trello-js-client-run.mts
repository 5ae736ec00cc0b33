// Drives a Trello API (the emulator's server) with the trello.js client, whose Zod schemas check every answer, and prints a JSON report.
//   TRELLO_STRICT_SCHEMAS=true tsx trello-js-client-run.mts '<JSON of TrelloJsRunInput>'
// trello.js is ESM-only, so it runs here in its own node process rather than inside jest.
import { createTrelloClient } from 'trello.js';
import { createClient } from 'trello.js/core';
import { ActionSchema, BoardSchema, CardSchema, CustomFieldSchema, TokenSchema, TrelloListSchema, WebhookSchema } from 'trello.js/models';
import { actionsRoute, cardRoute, listsWithCardsRoute } from '../../../src/app/board-reader';

/** What the run needs: where the API is, whose token to use, and the seeded board. */
export interface TrelloJsRunInput {
  /** The API base, e.g. `http://127.0.0.1:1234/1`. */
  host: string;
  key: string;
  token: string;
  boardId: string;
  listIds: string[];
  /** A second member of the board, to put on a card. */
  otherMemberId: string;
  /** A callback URL the API's HEAD check accepts. */
  callbackURL: string;
}

/** One call: what it was, and the error (an HTTP refusal or a schema mismatch) if it failed. */
export interface TrelloJsCallResult {
  call: string;
  error?: string;
}

/** The run's report. */
export interface TrelloJsRunReport {
  /** Whether trello.js's schemas reject a key they do not list (its strict mode is on). */
  strictSchemas: boolean;
  calls: TrelloJsCallResult[];
}

const input = JSON.parse(process.argv[2] ?? '') as TrelloJsRunInput;
const client = createClient({ host: input.host, apiKey: input.key, apiToken: input.token });
const trello = createTrelloClient(client);
/** The same client without its checks, for answers with nested resources that trello.js's schemas do not list. */
const unchecked = createTrelloClient({ host: input.host, apiKey: input.key, apiToken: input.token, skipParsing: true });
const calls: TrelloJsCallResult[] = [];

/** A schema mismatch as one line per issue (`path: message`), any other error as its message. */
function describeError(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (issues) return issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}

/** Runs one call, recording its failure instead of stopping: the report lists every mismatch at once. */
async function check<T>(call: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    const value = await run();
    calls.push({ call });
    return value;
  } catch (error) {
    calls.push({ call, error: describeError(error) });
    return undefined;
  }
}

/** Checks every item of a `/batch` answer with a trello.js schema (its batch runner hands items over unchecked). */
function parseBatchItem(item: unknown, parse: (data: unknown) => unknown): void {
  const entries = Object.entries(item as Record<string, unknown>);
  if (entries.length !== 1 || entries[0][0] !== '200') throw new Error(`batch item is not {"200": …}: ${JSON.stringify(item)}`);
  parse(entries[0][1]);
}

/** An answer list that is not empty: an empty one would check nothing. */
async function nonEmpty<T>(answer: Promise<T[]>): Promise<T[]> {
  const items = await answer;
  if (items.length === 0) throw new Error('empty answer: nothing was checked');
  return items;
}

/** trello.js's schemas with the nested resources Trello adds on request (its own schemas reject them in strict mode). */
const BoardWithListsAndCards = BoardSchema.extend({ lists: TrelloListSchema.array().min(1), cards: CardSchema.array().min(1) });
const CardWithActions = CardSchema.extend({ actions: ActionSchema.array() });
/** A card with at least one nested action, checked. */
const parseCardWithActions = (data: unknown) => {
  const card = CardWithActions.parse(data);
  if (card.actions.length === 0) throw new Error('no nested actions: nothing was checked');
  return card;
};
/** An action read with `fields=data,date,type` (and `id`, which always comes): only those keys, each as Trello's schema says. */
const ActionFields = ActionSchema.pick({ id: true, data: true, date: true, type: true });
/** A list with its open cards nested (`cards=open&card_fields=…`), as the add-on reads the board. */
const ListWithCards = TrelloListSchema.extend({ cards: CardSchema.array() });
const CardWithBoardAndList = CardSchema.extend({ board: BoardSchema, list: TrelloListSchema });
/**
 * A custom field definition as Trello sends it: `name`, `pos` (a number) and `options` at the top level, `display`
 * holding `cardFront` only (the custom fields guide; trello.js, following the OpenAPI file, nests them in `display`).
 */
const displayShape = CustomFieldSchema.shape.display.unwrap().shape;
const CustomFieldDefinitionSchema = CustomFieldSchema.extend({ name: displayShape.name, pos: TrelloListSchema.shape.pos, options: displayShape.options });

/**
 * Checks a card's custom field value as Trello sends it: `value` keyed by the field's type, or `idValue` for a list
 * option (trello.js's CustomFieldItems schema lists `value.checked` only; the custom fields guide documents the others).
 */
function checkCustomFieldItem(item: unknown): void {
  const { id, value, idValue, idCustomField, idModel, modelType, ...rest } = item as Record<string, unknown>;
  const strings = [id, idCustomField, idModel, ...(idValue === undefined ? [] : [idValue])];
  const valueOk = value === undefined || (typeof value === 'object' && value !== null && Object.entries(value).every(([key, held]) => ['text', 'number', 'date', 'checked'].includes(key) && typeof held === 'string'));
  if (Object.keys(rest).length > 0 || !strings.every((s) => typeof s === 'string') || modelType !== 'card' || !valueOk || (value === undefined) === (idValue === undefined)) {
    throw new Error(`not a custom field item: ${JSON.stringify(item)}`);
  }
}
/** trello.js types a token's `webhooks` as unknown items; the add-on reads them as webhooks. */
const TokenWithWebhooks = TokenSchema.extend({ webhooks: WebhookSchema.array() });

const { boardId, callbackURL } = input;
const [firstListId, secondListId] = input.listIds;
/** Parses each item of a non-empty array (an empty one would check nothing). */
const parseEach = (parse: (data: unknown) => unknown) => (data: unknown) => {
  if (!Array.isArray(data) || data.length === 0) throw new Error(`expected a non-empty array, got ${JSON.stringify(data)}`);
  data.forEach(parse);
};

// Connecting: the sidebar's member and board pickers, the token's webhooks.
await check('GET /members/me?fields=username', () => trello.members.getMember({ id: 'me', fields: 'username' }));
await check('GET /members/me', () => trello.members.getMember({ id: 'me' }));
await check('GET /members/me/boards?filter=open&fields=name', () => nonEmpty(trello.members.getMemberBoards({ id: 'me', filter: 'open', fields: 'name' })));
await check('GET /members/me/tokens?webhooks=true', () => nonEmpty(trello.members.getMemberTokens({ id: 'me', webhooks: true })));

// Board and lists.
await check('GET /boards/{id}', () => trello.boards.getBoard({ id: boardId }));
await check('GET /boards/{id}/lists', () => nonEmpty(trello.boards.getBoardLists({ id: boardId })));
await check('GET /boards/{id}/lists?filter=open&fields=name,closed', () => nonEmpty(trello.boards.getBoardLists({ id: boardId, filter: 'open', fields: 'name,closed' })));
const createdList = await check('POST /lists (name, idBoard, pos=bottom)', () => trello.lists.createList({ name: 'WON', idBoard: boardId, pos: 'bottom' }));
await check('POST /boards/{id}/lists', () => trello.boards.createBoardList({ id: boardId, name: 'LOST', pos: 'bottom' }));
const list = await check('GET /lists/{id}', () => trello.lists.getList({ id: firstListId }));
await check('PUT /lists/{id} (name)', () => trello.lists.updateList({ id: createdList?.id ?? secondListId, name: 'WON!' }));
await check('PUT /lists/{id} (closed)', () => trello.lists.updateList({ id: createdList?.id ?? secondListId, closed: true }));

// The cursor a full run keeps: the newest action before the card changes below.
const newest = await check('GET /boards/{id}/actions?limit=1', () => nonEmpty(trello.boards.getBoardActions({ boardId, limit: 1 })));
const cursor = newest?.[0]?.id ?? '';

// Cards as the sync writes them.
const card = await check('POST /cards (idList, name, desc, pos=bottom)', () =>
  trello.cards.createCard({ idList: firstListId, name: 'Ada Lovelace', desc: 'Lead details', pos: 'bottom' }),
);
const cardId = card?.id ?? '';
await check('PUT /cards/{id} (idList)', () => trello.cards.updateCard({ id: cardId, idList: secondListId }));
await check('PUT /cards/{id} (name, desc)', () => trello.cards.updateCard({ id: cardId, name: 'Ada King', desc: 'New details' }));
await check('GET /cards/{id}?actions=updateCard', () => trello.cards.getCard({ id: cardId, actions: 'updateCard' }));
await check('GET /cards/{id}?actions=updateCard (nested actions checked)', async () =>
  parseCardWithActions(await unchecked.cards.getCard({ id: cardId, actions: 'updateCard' })),
);
await check('GET /cards/{id}?board=true&list=true', () => trello.cards.getCard({ id: cardId, board: true, list: true }));
await check('GET /cards/{id}?board=true&list=true (nested board and list checked)', async () =>
  CardWithBoardAndList.parse(await unchecked.cards.getCard({ id: cardId, board: true, list: true })),
);
await check('GET /cards/{id}?fields=name,idList', () => trello.cards.getCard({ id: cardId, fields: 'name,idList' }));
await check('GET /boards/{id}/cards', () => nonEmpty(trello.boards.getBoardCards({ id: boardId })));
await check('GET /boards/{id}/cards/{filter}', () => nonEmpty(trello.boards.getBoardCardsByFilter({ id: boardId, filter: 'open' })));
await check('GET /boards/{id}?lists=open&cards=open', () => trello.boards.getBoard({ id: boardId, lists: 'open', cards: 'open' }));
await check('GET /boards/{id}?lists=open&cards=open (nested lists and cards checked)', async () =>
  BoardWithListsAndCards.parse(await unchecked.boards.getBoard({ id: boardId, lists: 'open', cards: 'open' })),
);
await check('GET /boards/{id}/actions?since=…&limit=1000', () => nonEmpty(trello.boards.getBoardActions({ boardId, since: cursor, limit: 1000 })));
await check('GET /boards/{id}/actions?filter=updateCard', () => nonEmpty(trello.boards.getBoardActions({ boardId, filter: 'updateCard' })));

// The full run's read: one /batch with the add-on's exact sub-requests, each item checked with trello.js's schemas.
const addOnBatch = [listsWithCardsRoute(boardId), actionsRoute(boardId, cursor), cardRoute(cardId)];
await check('GET /batch?urls=<the add-on\'s board read>', async () => {
  const items = await client.sendRequest<unknown[]>({ url: '/batch', method: 'GET', searchParams: { urls: addOnBatch.join(',') } });
  const parsers = [parseEach((data) => ListWithCards.parse(data)), parseEach((data) => ActionFields.parse(data)), parseCardWithActions];
  items.forEach((item, index) => parseBatchItem(item, parsers[index]));
});
await check('GET /batch through trello.batch.run', () =>
  trello.batch.run((batch) => [batch.boards.getBoardCards({ id: boardId }), batch.boards.getBoardLists({ id: boardId }), batch.cards.getCard({ id: cardId })]),
);

// Labels, members, dates and custom fields.
const label = await check('POST /boards/{id}/labels (name, color)', () => trello.boards.createBoardLabel({ id: boardId, name: 'Hot', color: 'red' }));
const labelId = label?.id ?? '';
await check('GET /boards/{id}/labels', () => nonEmpty(trello.boards.getBoardLabels({ id: boardId })));
await check('PUT /labels/{id} (name, color)', () => trello.labels.updateLabel({ id: labelId, name: 'Hotter', color: 'orange' }));
await check('POST /cards/{id}/idLabels (value)', () => trello.cards.addCardLabel({ id: cardId, value: labelId }));
await check('GET /boards/{id}/members', () => nonEmpty(trello.boards.getBoardMembers({ id: boardId })));
await check('POST /cards/{id}/idMembers (value)', () => nonEmpty(trello.cards.addCardMember({ id: cardId, value: input.otherMemberId })));
await check('PUT /cards/{id} (due, dueComplete, start)', () =>
  trello.cards.updateCard({ id: cardId, due: '2026-03-01T09:00:00.000Z', dueComplete: true, start: '2026-02-01T09:00:00.000Z' }),
);
await check('GET /cards/{id} (labels, members and dates checked)', async () => {
  const withFields = CardSchema.parse(await unchecked.cards.getCard({ id: cardId }));
  if (withFields.labels?.[0]?.id !== labelId || withFields.idMembers?.length !== 1 || !withFields.due) throw new Error('labels, members or due missing');
});
await check('POST /cards/{id}/labels (name, color)', () => trello.cards.createCardLabel({ id: cardId, name: 'Warm', color: 'yellow' }));
await check('DELETE /cards/{id}/idMembers/{idMember}', () => trello.cards.removeCardMember({ id: cardId, idMember: input.otherMemberId }));
await check('DELETE /cards/{id}/idLabels/{idLabel}', () => trello.cards.removeCardLabel({ id: cardId, idLabel: labelId }));
await check('DELETE /labels/{id}', () => trello.labels.deleteLabel({ id: labelId }));
await check('POST /customFields (list, with options)', () =>
  trello.customFields.createCustomField({ idModel: boardId, modelType: 'board', name: 'Priority', type: 'list', pos: 'bottom', options: [{ value: { text: 'High' }, color: 'red' }] as never }),
);
await check('GET /boards/{id}/customFields', () => nonEmpty(trello.boards.getBoardCustomFields({ id: boardId })));
const fields = await check('GET /boards/{id}/customFields (definitions checked)', async () =>
  CustomFieldDefinitionSchema.array().min(1).parse(await unchecked.boards.getBoardCustomFields({ id: boardId })),
);
const fieldId = fields?.[0]?.id ?? '';
const optionId = fields?.[0]?.options?.[0]?.id ?? '';
await check('PUT /cards/{idCard}/customField/{idCustomField}/item (idValue)', () =>
  trello.cards.updateCardCustomFieldItem({ idCard: cardId, idCustomField: fieldId, body: { idValue: optionId } } as never),
);
await check('GET /cards/{id}/customFieldItems', () => nonEmpty(trello.cards.getCardCustomFieldItems({ id: cardId })));
await check('GET /boards/{id}/cards?customFieldItems=true (items checked)', async () => {
  const cards = await client.sendRequest<{ customFieldItems: unknown[] }[]>({ url: `/boards/${boardId}/cards`, method: 'GET', searchParams: { customFieldItems: true } });
  for (const { customFieldItems, ...rest } of cards) {
    CardSchema.parse(rest);
    customFieldItems.forEach(checkCustomFieldItem);
  }
  if (!cards.some((listed) => listed.customFieldItems.length > 0)) throw new Error('no custom field items: nothing was checked');
});
await check('DELETE /customFields/{id}', () => trello.customFields.deleteCustomField({ id: fieldId }));

// Webhooks: the add-on's registration, and the token-scoped routes.
const webhook = await check('POST /webhooks (callbackURL, idModel, description)', () =>
  trello.webhooks.createWebhook({ callbackURL, idModel: boardId, description: 'Sheets ⇄ Trello Sync' }),
);
const webhookId = webhook?.id ?? '';
await check('GET /webhooks/{id}', () => trello.webhooks.getWebhook({ id: webhookId }));
await check('PUT /webhooks/{id} (description, active)', () => trello.webhooks.updateWebhook({ id: webhookId, description: 'renamed', active: false }));
await check('GET /members/me/tokens?webhooks=true (with a webhook)', () => nonEmpty(trello.members.getMemberTokens({ id: 'me', webhooks: true })));
await check('GET /members/me/tokens?webhooks=true (with a webhook; nested webhooks checked)', async () => {
  const tokens = TokenWithWebhooks.array().parse(await unchecked.members.getMemberTokens({ id: 'me', webhooks: true }));
  if (!tokens.some((token) => token.webhooks.some((listed) => listed.id === webhookId))) throw new Error('the new webhook is not listed');
});
await check('GET /tokens/{token}', () => trello.tokens.getToken({ token: input.token }));
await check('GET /tokens/{token}/webhooks', () => nonEmpty(trello.tokens.getTokenWebhooks({ token: input.token })));
await check('GET /tokens/{token}/webhooks/{idWebhook}', () => trello.tokens.getTokenWebhook({ token: input.token, idWebhook: webhookId }));
await check('PUT /tokens/{token}/webhooks/{idWebhook}', () => trello.tokens.updateTokenWebhook({ token: input.token, idWebhook: webhookId, description: 'again' }));
await check('DELETE /webhooks/{id}', () => trello.webhooks.deleteWebhook({ id: webhookId }));
const tokenWebhook = await check('POST /tokens/{token}/webhooks', () => trello.tokens.createTokenWebhook({ token: input.token, callbackURL, idModel: boardId, description: 'token-scoped' }));
await check('DELETE /tokens/{token}/webhooks/{idWebhook}', () => trello.tokens.deleteTokenWebhook({ token: input.token, idWebhook: tokenWebhook?.id ?? '' }));

// Archiving, then deleting, a card.
await check('PUT /cards/{id} (closed)', () => trello.cards.updateCard({ id: cardId, closed: true }));
await check('DELETE /cards/{id}', () => trello.cards.deleteCard({ id: cardId }));

// Strict mode is read from TRELLO_STRICT_SCHEMAS when trello.js loads: an answer that passed must fail with one key more,
// also through the schemas extended with nested resources.
const rejectsExtraKey = (schema: { safeParse(data: unknown): { success: boolean } }, value: object) =>
  schema.safeParse(value).success && !schema.safeParse({ ...value, notATrelloKey: true }).success;
const strictSchemas = list !== undefined && rejectsExtraKey(TrelloListSchema, list) && card !== undefined && rejectsExtraKey(CardWithActions, { ...card, actions: [] });
const report: TrelloJsRunReport = { strictSchemas, calls };
process.stdout.write(JSON.stringify(report));
