// TrelloClient: Trello REST calls over UrlFetchApp — OAuth header (never key/token in a URL), fetchAll batches,
// the per-token rate window, retries of 429/5xx within the run's time budget, and a clean stop when Apps Script's
// daily UrlFetch quota is spent.
import { errorMessage } from '../app/error-message';
import type { Clock, ShortCache } from '../app/ports';
import { isDailyQuotaAnswer } from '../core/quota-answer';
import { RateWindow } from '../core/rate-window';

/** Trello's REST root. */
export const TRELLO_API = 'https://api.trello.com/1';

/** One Trello API request. `path` starts with '/' and has no query string; values go in `query` or `body`. */
export interface TrelloRequest {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** How many requests Trello counts it as against the rate limit (every URL of a /1/batch counts); default 1. */
  weight?: number;
}

/** The outcome of one request. `retryable` failures may succeed in a later run; the others are Trello refusing. */
export type TrelloResult = { ok: true; status: number; data: unknown } | { ok: false; status: number; message: string; retryable: boolean };

/**
 * True for Trello's answers about the credentials rather than the request (401, 403: a read-only, expired or revoked
 * token): a connection problem, never a problem of the row that was being synced.
 */
export function refusesCredentials(status: number): boolean {
  return status === 401 || status === 403;
}

/** A failed call, with Trello's status and answer (no URL, no secret). */
export class TrelloError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'TrelloError';
  }
}

/** API key and token of the connected Trello account. */
export interface TrelloCredentials {
  key: string;
  token: string;
}

// Trello allows 100 requests per 10 s per token. Until Trello's own count arrives with an answer, a little headroom is
// left for other executions spending the token (webhook deliveries, another user); once the answers say how much the
// token has left, the run keeps its count in step with Trello's and uses the whole 100.
const TOKEN_LIMIT = 100;
const LIMIT_BEFORE_FIRST_COUNT = 95;
/** Trello's count of what the token may still send in its current window. */
const TOKEN_REMAINING_HEADER = 'x-rate-limit-api-token-remaining';
const RATE_WINDOW_MS = 10_000;
const FETCH_ALL_SIZE = 10;
const MAX_ATTEMPTS = 5;
const BATCH_LIMIT = 10;

/** A request path from its segments, each encoded (an id holding '/', ',' or '?' stays one segment). */
export function trelloPath(...segments: string[]): string {
  return segments.map((segment) => `/${encodeURIComponent(segment)}`).join('');
}

function queryString(query: Record<string, string> | undefined): string {
  const pairs = Object.entries(query ?? {}).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function shortMessage(status: number, text: string): string {
  const body = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return `${status} ${body || 'no answer'}`;
}

// The window is shared by every execution using the token, so its recent send times outlive each execution.
const RECENT_REQUESTS_KEY = 'TRELLO_RECENT_REQUESTS';

/**
 * One route's answer inside a batch: `{"200": body}` on success, `{name, message, statusCode}` on failure (the older
 * `{"404": body}` form is read too).
 */
function batchItemResult(item: unknown): TrelloResult {
  if (typeof item !== 'object' || item === null) return { ok: false, status: 0, message: 'no answer in the batch', retryable: true };
  const fields = item as Record<string, unknown>;
  if ('200' in fields) return { ok: true, status: 200, data: fields['200'] };
  const statusKey = Object.keys(fields).find((key) => /^\d{3}$/.test(key));
  const status = typeof fields.statusCode === 'number' ? fields.statusCode : Number(statusKey ?? 0);
  const body = statusKey ? fields[statusKey] : fields.message;
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  return { ok: false, status, message: shortMessage(status, text), retryable: status === 0 || status === 429 || status >= 500 };
}

function weightOf(request: TrelloRequest): number {
  return request.weight ?? 1;
}

/** Trello's own count of what the token may still send (`x-rate-limit-api-token-remaining`), if the answer has it. */
function tokenRemaining(response: GoogleAppsScript.URL_Fetch.HTTPResponse): number | undefined {
  const headers = response.getHeaders() as Record<string, unknown>;
  const name = Object.keys(headers).find((key) => key.toLowerCase() === TOKEN_REMAINING_HEADER);
  const value = name === undefined ? NaN : Number(headers[name]);
  return Number.isFinite(value) ? value : undefined;
}

/** The Trello client adapter. */
export class TrelloClient {
  private readonly window: RateWindow;
  /** Apps Script's answer once a daily quota is spent: no request is sent after it in this execution. */
  private quotaSpent: string | undefined;
  private ranOutOfTime = false;

  constructor(
    private readonly urlFetch: GoogleAppsScript.URL_Fetch.UrlFetchApp,
    private readonly credentials: TrelloCredentials,
    private readonly clock: Clock,
    /** Epoch ms after which no request is started (the run's time budget). */
    private readonly deadline: number,
    private readonly cache: ShortCache,
  ) {
    // Stryker disable next-line ArrayDeclaration: the window drops every send time that is not a number
    let recent: number[] = [];
    try {
      recent = JSON.parse(cache.get(RECENT_REQUESTS_KEY) ?? '[]') as number[];
    } catch {
      // An unreadable entry only costs a possible 429, which is retried.
    }
    // Stryker disable next-line ArrayDeclaration: the window drops every send time that is not a number
    this.window = new RateWindow(LIMIT_BEFORE_FIRST_COUNT, RATE_WINDOW_MS, Array.isArray(recent) ? recent : []);
  }

  /** True once a request was left unsent because the run's time budget was spent. */
  get outOfTime(): boolean {
    return this.ranOutOfTime;
  }

  /** Apps Script's daily quota answer that stopped this client's requests, if one did. */
  get quotaAnswer(): string | undefined {
    return this.quotaSpent;
  }

  /** One request; throws TrelloError on failure. */
  request<T>(request: TrelloRequest): T {
    const [result] = this.sendAll([request]);
    if (!result.ok) throw new TrelloError(result.status, result.message);
    return result.data as T;
  }

  /**
   * Sends requests in parallel groups, keeping to the rate window. 429 is always retried (nothing happened);
   * 5xx and network failures are retried only for reads and updates, because a create whose answer was lost may have
   * happened — the next run finds such a card by its marker instead of making a second one.
   */
  sendAll(requests: TrelloRequest[], onGroup?: (answered: number) => void): TrelloResult[] {
    if (requests.length === 0) return [];
    try {
      return this.sendWithRetries(requests, onGroup).map((result) => this.withoutSecrets(result));
    } finally {
      this.cache.put(RECENT_REQUESTS_KEY, JSON.stringify(this.window.recent(this.clock.now())), Math.ceil(RATE_WINDOW_MS / 1000) + 1);
    }
  }

  /** `onGroup` hears, after each group, how many requests have a final answer so far (for progress). */
  private sendWithRetries(requests: TrelloRequest[], onGroup?: (answered: number) => void): TrelloResult[] {
    const results: (TrelloResult | undefined)[] = requests.map(() => undefined);
    let pending = requests.map((_, index) => index);
    let answered = 0;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const retry: number[] = [];
      for (let start = 0; start < pending.length; ) {
        // Once Trello refuses the token, the rest would be refused alike: they are answered without being sent.
        const refusal = results.find((result) => result && !result.ok && refusesCredentials(result.status));
        if (refusal) {
          for (const index of pending.slice(start)) results[index] = refusal;
          return results as TrelloResult[];
        }
        // As many as the window takes now (up to a fetchAll group): waiting for room for a whole group would leave
        // part of every window unused.
        const wait = this.window.waitFor(this.clock.now(), weightOf(requests[pending[start]]));
        const stop = this.quotaSpent ?? (this.clock.now() + wait > this.deadline ? 'the run is out of time' : undefined);
        if (stop !== undefined) {
          this.ranOutOfTime ||= this.quotaSpent === undefined;
          for (const index of pending.slice(start)) results[index] = { ok: false, status: 0, message: `stopped: ${stop}`, retryable: true };
          return results as TrelloResult[];
        }
        this.clock.sleep(wait);
        const group = this.groupThatFits(requests, pending.slice(start, start + FETCH_ALL_SIZE));
        start += group.length;
        this.window.record(this.clock.now(), group.reduce((sum, index) => sum + weightOf(requests[index]), 0));
        const retriedBefore = retry.length;
        this.fetchGroup(group.map((index) => requests[index])).forEach((result, position) => {
          const index = group[position];
          results[index] = result;
          if (!result.ok && result.retryable && attempt < MAX_ATTEMPTS && (result.status === 429 || requests[index].method !== 'post')) retry.push(index);
        });
        const retriedInGroup = retry.length - retriedBefore;
        onGroup?.((answered += group.length - retriedInGroup));
      }
      pending = retry;
      if (pending.length > 0 && this.quotaSpent === undefined) this.clock.sleep(Math.min(500 * 2 ** attempt, 8_000));
    }
    return results as TrelloResult[];
  }

  /** The leading `candidates` whose weights fit the window now (at least one: the caller waited for room for it). */
  private groupThatFits(requests: TrelloRequest[], candidates: number[]): number[] {
    let room = Math.max(this.window.room(this.clock.now()), weightOf(requests[candidates[0]]));
    const group: number[] = [];
    for (const index of candidates) {
      room -= weightOf(requests[index]);
      if (room < 0) break;
      group.push(index);
    }
    return group;
  }

  /**
   * Up to 10 GET routes per request through /1/batch; each result as if requested alone. A batch request Trello
   * refuses as a whole (e.g. 401) throws: its answer says nothing about the routes inside it. An answer with another
   * number of results than routes cannot be matched to them: every route of it counts as unanswered.
   */
  batchGet(routes: string[]): TrelloResult[] {
    const groups: string[][] = [];
    for (let start = 0; start < routes.length; start += BATCH_LIMIT) groups.push(routes.slice(start, start + BATCH_LIMIT));
    const answers = this.sendAll(groups.map((group) => ({ method: 'get', path: '/batch', query: { urls: group.join(',') }, weight: group.length })));
    return groups.flatMap((group, index) => {
      const answer = answers[index];
      if (!answer.ok && !answer.retryable) throw new TrelloError(answer.status, answer.message);
      if (!answer.ok) return group.map(() => answer);
      // Stryker disable next-line ArrayDeclaration: an item that is not an object reads as no answer, as a missing one does
      const items = Array.isArray(answer.data) ? (answer.data as unknown[]) : [];
      if (items.length !== group.length) return group.map(() => batchItemResult(undefined));
      return group.map((_, position) => this.withoutSecrets(batchItemResult(items[position])));
    });
  }

  /** A failure's text with the key and token hidden: an answer may quote the request it refuses, and it goes to cells. */
  private withoutSecrets(result: TrelloResult): TrelloResult {
    return result.ok ? result : { ...result, message: errorMessage(result.message, [this.credentials.key, this.credentials.token]) };
  }

  /**
   * Other executions (webhook deliveries, another user) spend the same token: when Trello counts more requests in its
   * window than this run's window holds, the window counts the difference as spent with this group, so the run slows
   * down before a 429. With Trello's count in hand, the window may use the token's whole limit.
   */
  private heedRemaining(sentAt: number, usedAfterSending: number, responses: GoogleAppsScript.URL_Fetch.HTTPResponse[]): void {
    const reported = responses.map(tokenRemaining).filter((value): value is number => value !== undefined);
    if (reported.length === 0) return;
    // Compared at the send time: Trello counted the group when it arrived, not when the answers came back.
    const spentElsewhere = TOKEN_LIMIT - Math.min(...reported) - usedAfterSending;
    if (spentElsewhere > 0) this.window.record(sentAt, spentElsewhere);
    this.window.raiseLimit(TOKEN_LIMIT);
  }

  private fetchGroup(requests: TrelloRequest[]): TrelloResult[] {
    const authorization = `OAuth oauth_consumer_key="${this.credentials.key}", oauth_token="${this.credentials.token}"`;
    const fetches = requests.map((request): GoogleAppsScript.URL_Fetch.URLFetchRequest => ({
      url: TRELLO_API + request.path + queryString(request.query),
      method: request.method,
      headers: { Authorization: authorization, Accept: 'application/json' },
      muteHttpExceptions: true,
      followRedirects: false,
      ...(request.body ? { contentType: 'application/json', payload: JSON.stringify(request.body) } : {}),
    }));
    const sentAt = this.clock.now();
    const usedAfterSending = this.window.used(sentAt);
    let responses: GoogleAppsScript.URL_Fetch.HTTPResponse[];
    try {
      responses = this.urlFetch.fetchAll(fetches);
    } catch (error) {
      // A spent daily quota sent nothing: the run stops sending and leaves the rest for a run after the reset.
      if (error instanceof Error && isDailyQuotaAnswer(error.message)) {
        this.quotaSpent = error.message;
        return requests.map(() => ({ ok: false, status: 0, message: `stopped: ${error.message}`, retryable: true }));
      }
      // A network failure says nothing about whether the requests were applied. The message may hold a URL (no
      // secret: the key and token travel in a header), but it is not needed.
      const name = error instanceof Error ? error.message.split(':')[0] : 'network failure';
      return requests.map(() => ({ ok: false, status: 0, message: `Trello could not be reached (${name})`, retryable: true }));
    }
    this.heedRemaining(sentAt, usedAfterSending, responses);
    return responses.map((response): TrelloResult => {
      const status = response.getResponseCode();
      const text = response.getContentText();
      if (status >= 200 && status < 300) return { ok: true, status, data: parseBody(text) };
      return { ok: false, status, message: shortMessage(status, text), retryable: status === 429 || status >= 500 };
    });
  }
}
