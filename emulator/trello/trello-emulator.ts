// The Trello emulator: REST requests in, Trello-shaped responses out; seeding, "a person on the board", inspection, webhooks.
import { type Clock, EmulatedClock } from '../clock';
import type { AsyncTransport, HttpRequest, HttpResponse, SyncTransport } from '../http';
import type { ActionDraft } from './action-data';
import { type CardFilter, filterCards } from './card-filters';
import { CREDENTIAL_PARAMS, type Credentials, readCredentials } from './credentials';
import { injectedFailure, lostResponse, noFaults, type TrelloFaults } from './faults';
import { randomHex } from './object-id';
import { collectParams, type Params } from './params';
import { type BatchCounting, RateLimits } from './rate-limits';
import { ApiError, trelloErrors } from './responses';
import { isCallbackCheck, type RouteContext, type RouteResult } from './route';
import { matchRoute, type RouteMatch, TRELLO_ROUTES } from './router';
import { BoardOperations, type CardChanges } from './board-operations';
import { customFieldContent } from './custom-field-values';
import type { BoardRecord, CardRecord, CustomFieldType, MemberRecord, TokenGrant, TokenRecord, WebhookRecord } from './trello-store';
import { TrelloStore } from './trello-store';
import type {
  JsonObject,
  TrelloAction,
  TrelloBoard,
  TrelloBoardMember,
  TrelloCard,
  TrelloCustomField,
  TrelloLabel,
  TrelloList,
  TrelloMember,
  TrelloWebhook,
} from './types';
import {
  BOARD_DEFAULT_FIELDS,
  boardJson,
  boardMemberJson,
  cardJson,
  customFieldItemJson,
  customFieldJson,
  labelJson,
  listJson,
  memberCreatorJson,
  memberJson,
  selectFields,
  webhookJson,
} from './views';
import { type DeliveryReport, type DeliveryRun, WEBHOOK_DEACTIVATION, type WebhookDeactivation, WebhookDeliveryQueue } from './webhook-deliveries';

/** Construction options. */
export interface TrelloEmulatorOptions {
  /** Time for action dates, ids, rate windows and webhook retries (default: an {@link EmulatedClock}). */
  clock?: Clock;
  /** How HEAD checks and webhook deliveries reach callback URLs in `handle`/`deliverWebhooks`. */
  webhookTransport?: SyncTransport;
  /** How a `/1/batch` request counts against the rate limits: each URL (default, the stricter reading) or once. */
  batchCounting?: BatchCounting;
  /** When a failing webhook is deactivated (default: Trello's documented 1,000 failures over 30 days). */
  webhookDeactivation?: WebhookDeactivation;
}

/** One API request the emulator received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  status: number;
  /** Emulator-clock instant the request arrived. */
  at: number;
}

/** What {@link TrelloEmulator.seedWorkspace} made. */
export type SeededWorkspace = {
  member: TrelloMember;
  key: string;
  token: string;
  appSecret: string;
  board: TrelloBoard;
  lists: { TODO: TrelloList; IN_PROGRESS: TrelloList; DONE: TrelloList };
};

/** App name given to API keys the emulator creates. */
const APP_NAME = 'Sheets ⇄ Trello Sync';
/** Hosts the emulator answers for: the real API and loopback (server mode). */
const API_HOSTS = /^(api\.trello\.com|127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\])(:\d+)?$/;

/** The outcome of a request up to its (optional) callback check. */
interface Started {
  result: RouteResult;
  /** A write request that reached its handler: the lost-response fault may apply to it. */
  wroteThrough: boolean;
  at: number;
  /** The `x-rate-limit-*` headers, once the request was counted. */
  rateHeaders?: Record<string, string>;
}

/** A local, faithful stand-in for the Trello REST API (`https://api.trello.com/1/…`) and its webhooks. */
export class TrelloEmulator {
  readonly clock: Clock;
  readonly faults: TrelloFaults = noFaults();
  /** When a failing webhook is deactivated; changing it (a test control) applies to the next delivery. */
  readonly webhookDeactivation: WebhookDeactivation;
  /** Every API request received, in order. */
  readonly requests: ReceivedRequest[] = [];
  private readonly store: TrelloStore;
  private readonly ops: BoardOperations;
  private readonly deliveries: WebhookDeliveryQueue;
  private readonly rateLimits: RateLimits;
  private webhookTransport?: SyncTransport;

  constructor(options: TrelloEmulatorOptions = {}) {
    this.clock = options.clock ?? new EmulatedClock();
    this.webhookTransport = options.webhookTransport;
    this.store = new TrelloStore(this.clock);
    this.ops = new BoardOperations(this.store, (board, actor, draft) => this.recordAction(board, actor, draft));
    this.rateLimits = new RateLimits(options.batchCounting ?? 'eachUrl');
    this.webhookDeactivation = { ...(options.webhookDeactivation ?? WEBHOOK_DEACTIVATION) };
    this.deliveries = new WebhookDeliveryQueue(this.store, (webhook) => this.appSecretOfToken(webhook.token), this.webhookDeactivation);
  }

  // ---- REST API ----

  /** Handles one request to `https://api.trello.com/1/…` (or `http://127.0.0.1:PORT/1/…`); a webhook HEAD check goes through the webhook transport. */
  handle(request: HttpRequest): HttpResponse {
    const started = this.start(request);
    const { result } = started;
    const response = isCallbackCheck(result) ? result.complete(this.sendSync(result.request)) : result;
    return this.finish(request, started, response);
  }

  /** Like {@link handle}, but a webhook HEAD check goes through `transport` (server mode: no synchronous HTTP). */
  async handleAsync(request: HttpRequest, transport: AsyncTransport): Promise<HttpResponse> {
    const started = this.start(request);
    const { result } = started;
    const response = isCallbackCheck(result) ? result.complete(await sendAsync(transport, result.request)) : result;
    return this.finish(request, started, response);
  }

  /** How HEAD checks and deliveries reach callback URLs from now on. */
  setWebhookTransport(transport: SyncTransport): void {
    this.webhookTransport = transport;
  }

  private start(request: HttpRequest): Started {
    const at = this.clock.now();
    let wroteThrough = false;
    let rateHeaders: Record<string, string> | undefined;
    try {
      const url = apiUrl(request);
      const injected = injectedFailure(this.faults);
      if (injected) return { result: injected, wroteThrough, at };
      const match = matchRoute(TRELLO_ROUTES, request.method, url.pathname.slice(2));
      if (!match) throw trelloErrors.noRoute(request.method, url.pathname + url.search);
      const params = collectParams(url, request);
      const { member, token } = this.authenticate(readCredentials(request.headers, params), at);
      const admitted = this.rateLimits.admit(token, url.pathname.slice(2), params, at);
      rateHeaders = admitted.headers;
      const { refused } = admitted;
      if (refused) return { result: refused, wroteThrough, at, rateHeaders };
      // A read-only token may read everything it can see and change nothing.
      if (request.method !== 'GET' && !token.write) throw trelloErrors.unauthorized();
      wroteThrough = request.method !== 'GET';
      return { result: this.runRoute(match, params, member, token), wroteThrough, at, rateHeaders };
    } catch (error) {
      if (error instanceof ApiError) return { result: error.response, wroteThrough, at, rateHeaders };
      throw error;
    }
  }

  private finish(request: HttpRequest, started: Started, answered: HttpResponse): HttpResponse {
    let response = started.rateHeaders ? { ...answered, headers: { ...answered.headers, ...started.rateHeaders } } : answered;
    if (started.wroteThrough && this.faults.loseNextWriteResponses > 0) {
      this.faults.loseNextWriteResponses--;
      response = lostResponse();
    }
    this.requests.push({ method: request.method, url: request.url, headers: { ...request.headers }, status: response.status, at: started.at });
    return { ...response, latencyMs: this.faults.latencyMs };
  }

  private authenticate(credentials: Credentials, now: number): { member: MemberRecord; token: TokenRecord } {
    if (credentials.key === undefined) throw credentials.token === undefined ? trelloErrors.unauthorized() : trelloErrors.invalidKey();
    if (!this.store.keys.has(credentials.key)) throw trelloErrors.invalidKey();
    if (credentials.token === undefined) throw trelloErrors.unauthorized();
    const token = this.store.tokens.get(credentials.token);
    if (!token || token.key !== credentials.key) throw trelloErrors.invalidToken();
    if (token.expiresAt !== null && now >= token.expiresAt) throw trelloErrors.expiredToken();
    return { member: this.store.memberById(token.idMember), token };
  }

  /** Checks the parameters against the route's list and runs its handler. */
  private runRoute(match: RouteMatch, params: Params, member: MemberRecord, token: TokenRecord): RouteResult {
    const unknown = Object.keys(params).find((name) => !CREDENTIAL_PARAMS.includes(name) && !match.route.params.includes(name));
    if (unknown !== undefined) throw trelloErrors.unknownParameter(unknown);
    const context: RouteContext = {
      params,
      path: match.path,
      member,
      token,
      store: this.store,
      ops: this.ops,
      subRequest: (pathAndQuery) => this.subRequest(pathAndQuery, member, token),
    };
    return match.route.handle(context);
  }

  /** One `/batch` item: a GET route (never `/batch` itself) for the same token. */
  private subRequest(pathAndQuery: string, member: MemberRecord, token: TokenRecord): HttpResponse {
    try {
      const url = new URL(pathAndQuery, 'https://api.trello.com');
      const match = matchRoute(TRELLO_ROUTES, 'GET', url.pathname);
      if (!match || match.route.path === '/batch') throw trelloErrors.noRoute('GET', `/1${pathAndQuery}`);
      const result = this.runRoute(match, Object.fromEntries(url.searchParams), member, token);
      if (isCallbackCheck(result)) throw new Error('a GET route asked for a callback check');
      return result;
    } catch (error) {
      if (error instanceof ApiError) return error.response;
      throw error;
    }
  }

  private sendSync(request: HttpRequest): HttpResponse | Error {
    if (!this.webhookTransport) return new Error('no webhook transport configured');
    try {
      return this.webhookTransport(request);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  // ---- Seeding ----

  /** A Trello account. */
  addMember(input: { username: string; fullName?: string }): TrelloMember {
    const member = this.store.addMember(input.username, input.fullName ?? input.username);
    return memberJson(member, []);
  }

  /**
   * An API key (new unless given) and a token for `memberId` under it: read and write with no expiry unless `grant`
   * says otherwise (`write: false` for a read-only token, `expiresAt` in emulator-clock ms for an expiring one).
   */
  issueToken(memberId: string, key?: string, grant?: Partial<TokenGrant>): { key: string; token: string } {
    this.store.memberById(memberId);
    const apiKey = this.store.addKey(key ?? randomHex(16), APP_NAME);
    return { key: apiKey.key, token: this.store.addToken(memberId, apiKey.key, grant).token };
  }

  /** Revokes a token, as its member can from their Trello settings: it stops working and its webhooks are deleted. */
  revokeToken(token: string): void {
    this.store.tokens.delete(token);
    for (const webhook of [...this.store.webhooks.values()]) if (webhook.token === token) this.store.webhooks.delete(webhook.id);
  }

  /** The secret of an API key: what signs its webhook deliveries (`x-trello-webhook`). */
  appSecret(key: string): string {
    const record = this.store.keys.get(key);
    if (!record) throw new Error(`no API key ${key}`);
    return record.secret;
  }

  /** A board; `memberId` is its creator and first member. */
  createBoard(input: { name: string; memberId: string }): TrelloBoard {
    return boardJson(this.store.addBoard(input.name, this.store.memberById(input.memberId)));
  }

  /** Adds a member to a board. */
  addBoardMember(input: { boardId: string; memberId: string }): void {
    const board = this.store.boardById(input.boardId);
    this.store.memberById(input.memberId);
    if (!board.memberIds.includes(input.memberId)) board.memberIds.push(input.memberId);
  }

  /** A list at the end of the board, without an action. */
  createList(input: { boardId: string; name: string; closed?: boolean }): TrelloList {
    return listJson(this.store.addList(this.store.boardById(input.boardId), input.name, 'bottom', input.closed ?? false));
  }

  /** A member, an API key and token, and a board with lists TODO, IN_PROGRESS and DONE. */
  seedWorkspace(input: { username: string; boardName?: string; token?: Partial<TokenGrant> }): SeededWorkspace {
    const member = this.addMember({ username: input.username });
    const { key, token } = this.issueToken(member.id, undefined, input.token);
    const board = this.createBoard({ name: input.boardName ?? 'Leads', memberId: member.id });
    const list = (name: string) => this.createList({ boardId: board.id, name });
    return { member, key, token, appSecret: this.appSecret(key), board, lists: { TODO: list('TODO'), IN_PROGRESS: list('IN_PROGRESS'), DONE: list('DONE') } };
  }

  // ---- A person on the board (records actions, queues webhook deliveries) ----

  personCreatesCard(input: { memberId: string; listId: string; name: string; desc?: string }): TrelloCard {
    const list = this.store.listById(input.listId);
    const actor = this.actorOn(input.memberId, list.idBoard);
    return this.cardView(this.ops.createCard(actor, list, { name: input.name, desc: input.desc ?? '', pos: 'bottom' }));
  }

  /** Drags a card to another list (of the same board: two actions, the list then the position; or of another board). */
  personMovesCard(input: { memberId: string; cardId: string; listId: string }): void {
    const list = this.store.listById(input.listId);
    const card = this.store.cardById(input.cardId);
    this.actorOn(input.memberId, list.idBoard);
    this.ops.dragCard(this.actorOn(input.memberId, card.idBoard), card, list);
  }

  personRenamesCard(input: { memberId: string; cardId: string; name: string }): void {
    this.personChangesCard(input, { name: input.name });
  }

  personEditsDescription(input: { memberId: string; cardId: string; desc: string }): void {
    this.personChangesCard(input, { desc: input.desc });
  }

  personArchivesCard(input: { memberId: string; cardId: string }): void {
    this.personChangesCard(input, { closed: true });
  }

  personUnarchivesCard(input: { memberId: string; cardId: string }): void {
    this.personChangesCard(input, { closed: false });
  }

  personDeletesCard(input: { memberId: string; cardId: string }): void {
    const card = this.store.cardById(input.cardId);
    this.ops.deleteCard(this.actorOn(input.memberId, card.idBoard), card);
  }

  /** Moves a card to a list of another board (the person must be on both). */
  personMovesCardToBoard(input: { memberId: string; cardId: string; boardId: string; listId: string }): void {
    const card = this.store.cardById(input.cardId);
    const list = this.store.listById(input.listId);
    if (list.idBoard !== input.boardId) throw new Error(`list ${input.listId} is not on board ${input.boardId}`);
    const actor = this.actorOn(input.memberId, card.idBoard);
    this.actorOn(input.memberId, input.boardId);
    this.ops.moveCardToBoard(actor, card, list);
  }

  personCreatesList(input: { memberId: string; boardId: string; name: string }): TrelloList {
    const board = this.store.boardById(input.boardId);
    return listJson(this.ops.createList(this.actorOn(input.memberId, board.id), board, input.name, 'bottom'));
  }

  personRenamesList(input: { memberId: string; listId: string; name: string }): void {
    const list = this.store.listById(input.listId);
    this.ops.updateList(this.actorOn(input.memberId, list.idBoard), list, { name: input.name });
  }

  personArchivesList(input: { memberId: string; listId: string }): void {
    const list = this.store.listById(input.listId);
    this.ops.updateList(this.actorOn(input.memberId, list.idBoard), list, { closed: true });
  }

  // ---- A person on the board: labels, members, dates and custom fields ----

  /** Sets (an ISO date) or clears (null) a card's due date. */
  personSetsDue(input: { memberId: string; cardId: string; due: string | null }): void {
    this.personChangesCard(input, { due: this.instant(input.due) });
  }

  /** Sets (an ISO date) or clears (null) a card's start date. */
  personSetsStart(input: { memberId: string; cardId: string; start: string | null }): void {
    this.personChangesCard(input, { start: this.instant(input.start) });
  }

  /** Ticks or unticks the due date's "complete" box. */
  personMarksDueComplete(input: { memberId: string; cardId: string; dueComplete: boolean }): void {
    this.personChangesCard(input, { dueComplete: input.dueComplete });
  }

  personAddsLabel(input: { memberId: string; cardId: string; labelId: string }): void {
    const card = this.store.cardById(input.cardId);
    this.ops.fields.addLabel(this.actorOn(input.memberId, card.idBoard), card, this.store.labelById(input.labelId));
  }

  personRemovesLabel(input: { memberId: string; cardId: string; labelId: string }): void {
    const card = this.store.cardById(input.cardId);
    this.ops.fields.removeLabel(this.actorOn(input.memberId, card.idBoard), card, this.store.labelById(input.labelId));
  }

  /** Puts a board member (`idMember`) on a card. */
  personAddsMemberToCard(input: { memberId: string; cardId: string; idMember: string }): void {
    const card = this.store.cardById(input.cardId);
    this.ops.fields.addMember(this.actorOn(input.memberId, card.idBoard), card, input.idMember);
  }

  personRemovesMemberFromCard(input: { memberId: string; cardId: string; idMember: string }): void {
    const card = this.store.cardById(input.cardId);
    this.ops.fields.removeMember(this.actorOn(input.memberId, card.idBoard), card, input.idMember);
  }

  /** A label on a board (`color` null for none). */
  personCreatesLabel(input: { memberId: string; boardId: string; name: string; color: string | null }): TrelloLabel {
    const board = this.store.boardById(input.boardId);
    this.actorOn(input.memberId, board.id);
    return labelJson(this.ops.fields.createLabel(board, input.name, input.color));
  }

  personRenamesLabel(input: { memberId: string; labelId: string; name: string }): void {
    const label = this.store.labelById(input.labelId);
    this.actorOn(input.memberId, label.idBoard);
    this.ops.fields.updateLabel(label, { name: input.name });
  }

  /** Deletes a label from its board; it leaves every card. */
  personDeletesLabel(input: { memberId: string; labelId: string }): void {
    const label = this.store.labelById(input.labelId);
    this.actorOn(input.memberId, label.idBoard);
    this.ops.fields.deleteLabel(label);
  }

  /** A custom field on a board; `options` are the texts of a list field's options. */
  personCreatesCustomField(input: { memberId: string; boardId: string; name: string; type: CustomFieldType; options?: string[] }): TrelloCustomField {
    const board = this.store.boardById(input.boardId);
    this.actorOn(input.memberId, board.id);
    const options = (input.options ?? []).map((text) => ({ text, color: 'none' }));
    return customFieldJson(this.store.addCustomField(board, { name: input.name, type: input.type, pos: 'bottom', cardFront: true, options }));
  }

  /** Deletes a custom field from its board, with every card's value of it. */
  personDeletesCustomField(input: { memberId: string; customFieldId: string }): void {
    const field = this.store.customFieldById(input.customFieldId);
    this.actorOn(input.memberId, field.idBoard);
    this.ops.fields.deleteCustomField(field);
  }

  /**
   * Sets a card's custom field value as the card back does: `value` in the API's shape (`{text}`, `{number}`,
   * `{date}`, `{checked}`), `idValue` for a list option, an empty string to clear.
   */
  personSetsCustomField(input: { memberId: string; cardId: string; customFieldId: string; value?: Record<string, string> | ''; idValue?: string }): void {
    const card = this.store.cardById(input.cardId);
    const field = this.store.customFieldById(input.customFieldId);
    const params: Params = {};
    if (input.value !== undefined) params.value = input.value === '' ? '' : JSON.stringify(input.value);
    if (input.idValue !== undefined) params.idValue = input.idValue;
    this.ops.fields.setCustomFieldItem(this.actorOn(input.memberId, card.idBoard), card, field, customFieldContent(field, params));
  }

  /** An admin takes a member off a board: they leave its cards too. */
  personRemovesBoardMember(input: { memberId: string; boardId: string; idMember: string }): void {
    const board = this.store.boardById(input.boardId);
    this.actorOn(input.memberId, board.id);
    this.ops.fields.removeBoardMember(board, input.idMember);
  }

  /** Epoch ms of an ISO date given to a person helper (null stays null). */
  private instant(iso: string | null): number | null {
    if (iso === null) return null;
    const at = Date.parse(iso);
    if (Number.isNaN(at)) throw new Error(`not a date: ${iso}`);
    return at;
  }

  private personChangesCard(input: { memberId: string; cardId: string }, changes: CardChanges): void {
    const card = this.store.cardById(input.cardId);
    if (changes.idList !== undefined) this.actorOn(input.memberId, this.store.listById(changes.idList).idBoard);
    this.ops.updateCard(this.actorOn(input.memberId, card.idBoard), card, changes);
  }

  private actorOn(memberId: string, boardId: string): MemberRecord {
    const member = this.store.memberById(memberId);
    if (!this.store.boardById(boardId).memberIds.includes(member.id)) throw new Error(`member ${member.username} is not on board ${boardId}`);
    return member;
  }

  // ---- Inspection (no side effects) ----

  /** A card as the API shows it with `customFieldItems=true` (closed ones included); undefined once deleted. */
  card(id: string): TrelloCard | undefined {
    const card = this.store.cards.get(id);
    return card && this.cardView(card);
  }

  /** Cards of a board (default `open`, like `GET /boards/{id}/cards?customFieldItems=true`). */
  cardsOn(boardId: string, filter: Extract<CardFilter, 'open' | 'closed' | 'all'> = 'open'): TrelloCard[] {
    return filterCards(this.store, this.store.cardsOf(this.store.boardById(boardId).id), filter).map((card) => this.cardView(card));
  }

  /** A board's labels, in creation order. */
  labelsOn(boardId: string): TrelloLabel[] {
    return this.store.labelsOf(this.store.boardById(boardId).id).map(labelJson);
  }

  /** A board's members, as `GET /boards/{id}/members` lists them. */
  membersOn(boardId: string): TrelloBoardMember[] {
    return this.store.membersOf(this.store.boardById(boardId)).map(boardMemberJson);
  }

  /** A board's custom field definitions. */
  customFieldsOn(boardId: string): TrelloCustomField[] {
    return this.store.customFieldsOf(this.store.boardById(boardId).id).map(customFieldJson);
  }

  /** Every list of a board, archived ones included, in board order. */
  listsOn(boardId: string): TrelloList[] {
    return this.store.listsOf(this.store.boardById(boardId).id).map(listJson);
  }

  /** The board's actions, newest first, as the API returns them. */
  actionsOn(boardId: string): TrelloAction[] {
    return [...this.store.boardById(boardId).actions].reverse().map((action) => structuredClone(action));
  }

  webhooks(): TrelloWebhook[] {
    return [...this.store.webhooks.values()].map(webhookJson);
  }

  // ---- Webhook deliveries ----

  /** Deliveries waiting to be sent (due now or retries due later). */
  pendingDeliveries(): number {
    return this.deliveries.size();
  }

  /**
   * Sends every due delivery through the webhook transport; failures are retried 30, 60 and 90 s later on the clock; a
   * long run of failures deactivates the webhook, a 410 answer deletes it.
   */
  deliverWebhooks(): DeliveryReport {
    if (!this.webhookTransport) throw new Error('no webhook transport: call setWebhookTransport() first');
    const run = this.deliveries.startRun();
    for (const due of run.due) if (run.stillSending(due)) run.settle(due, this.sendSync(due.request));
    return run.report;
  }

  /**
   * Test control: takes every queued delivery (due or not) off the queue, unsent, as the signed POSTs Trello would
   * send, so that a test can deliver them late, twice, out of order or never.
   */
  takeDeliveries(): HttpRequest[] {
    return this.deliveries.takeAll();
  }

  /** {@link deliverWebhooks} through an asynchronous transport (server mode). */
  async deliverWebhooksAsync(transport: AsyncTransport): Promise<DeliveryReport> {
    const run: DeliveryRun = this.deliveries.startRun();
    for (const due of run.due) if (run.stillSending(due)) run.settle(due, await sendAsync(transport, due.request));
    return run.report;
  }

  // ---- Actions and their deliveries ----

  private recordAction(board: BoardRecord, actor: MemberRecord, draft: ActionDraft): void {
    const now = this.clock.now();
    const action: TrelloAction = {
      id: this.store.ids.next(),
      idMemberCreator: actor.id,
      data: draft.data,
      type: draft.type,
      date: new Date(now).toISOString(),
      memberCreator: memberCreatorJson(actor),
    };
    board.actions.push(action);
    board.dateLastActivity = now;
    const touched = modelsOf(action);
    for (const webhook of this.store.webhooks.values()) {
      if (!webhook.active || !touched.has(webhook.idModel)) continue;
      this.deliveries.enqueue(webhook, action.id, JSON.stringify({ model: this.modelJson(webhook), action }));
    }
  }

  /** The watched model as the envelope's `model` carries it (a board with its default fields). */
  private modelJson(webhook: WebhookRecord): JsonObject {
    const { idModel } = webhook;
    const board = this.store.boards.get(idModel);
    if (board) return selectFields(boardJson(board), undefined, BOARD_DEFAULT_FIELDS);
    const list = this.store.lists.get(idModel);
    if (list) return listJson(list);
    const card = this.store.cards.get(idModel);
    if (card) return cardJson(card, this.store.labels);
    const member = this.store.members.get(idModel);
    return member ? memberJson(member, []) : { id: idModel };
  }

  /** A card as the API shows it, with its custom field values (`customFieldItems=true`). */
  private cardView(card: CardRecord): TrelloCard {
    return { ...cardJson(card, this.store.labels), customFieldItems: [...card.customFieldItems.values()].map((item) => customFieldItemJson(item, card.id)) };
  }

  private appSecretOfToken(token: string): string {
    const record = this.store.tokens.get(token);
    if (!record) throw new Error('webhook of an unknown token');
    return this.appSecret(record.key);
  }
}

/** The ids an action involves: its board, list(s), card and creator; a webhook on any of them gets the action. */
function modelsOf(action: TrelloAction): Set<string> {
  const ids = new Set<string>([action.idMemberCreator]);
  for (const key of ['board', 'list', 'listBefore', 'listAfter', 'card']) {
    const ref = action.data[key];
    if (ref && typeof ref === 'object' && !Array.isArray(ref) && typeof ref.id === 'string') ids.add(ref.id);
  }
  return ids;
}

/** The request URL, if it is for the API (`/1/…` on api.trello.com or loopback). */
function apiUrl(request: HttpRequest): URL {
  const url = new URL(request.url);
  if (!API_HOSTS.test(url.host) || !url.pathname.startsWith('/1/')) throw trelloErrors.noRoute(request.method, url.pathname + url.search);
  return url;
}

async function sendAsync(transport: AsyncTransport, request: HttpRequest): Promise<HttpResponse | Error> {
  try {
    return await transport(request);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
