// Trello's rate limits: per token, per API key and for /1/members, what each request costs, and the x-rate-limit-* headers.
import type { HttpResponse } from '../http';
import { splitBatchUrls } from './batch-routes';
import type { Params } from './params';
import { SlidingWindowLimiter } from './rate-limiter';
import { rateLimitResponse } from './responses';
import type { TokenRecord } from './trello-store';

/** Trello's documented limits: 100 requests per 10 s per token, 300 per 10 s per key, 100 per 900 s on /1/members. */
export const TOKEN_LIMIT = { max: 100, intervalMs: 10_000 };
export const KEY_LIMIT = { max: 300, intervalMs: 10_000 };
export const MEMBERS_LIMIT = { max: 100, intervalMs: 900_000 };

/** How a `/1/batch` request is counted. */
export type BatchCounting = 'eachUrl' | 'once';

/** What one request spends: `units` against the token and key, `memberUnits` against the /1/members limit. */
interface Cost {
  units: number;
  memberUnits: number;
}

const isMembersPath = (path: string) => /^\/members(\/|$)/.test(path);

/** The counters of one emulator; `admit` answers 429 or lets a request through and gives its headers. */
export class RateLimits {
  private readonly token = new SlidingWindowLimiter(TOKEN_LIMIT.max, TOKEN_LIMIT.intervalMs);
  private readonly key = new SlidingWindowLimiter(KEY_LIMIT.max, KEY_LIMIT.intervalMs);
  private readonly members = new SlidingWindowLimiter(MEMBERS_LIMIT.max, MEMBERS_LIMIT.intervalMs);

  constructor(private readonly batchCounting: BatchCounting) {}

  /**
   * Counts the request at `now`, or refuses it (429) when a window has no room for all it costs; either way the
   * `x-rate-limit-*` headers to add. `path` is the route path without `/1`.
   */
  admit(record: TokenRecord, path: string, params: Params, now: number): { refused?: HttpResponse; headers: Record<string, string> } {
    const cost = this.costOf(path, params);
    const headers = () => this.headers(record, now, cost.memberUnits > 0 || isMembersPath(path));
    let refused: HttpResponse | undefined;
    if (!this.token.allows(record.token, now, cost.units)) refused = rateLimitResponse('token');
    else if (!this.key.allows(record.key, now, cost.units)) refused = rateLimitResponse('key');
    else if (!this.members.allows(record.token, now, cost.memberUnits)) refused = rateLimitResponse('member');
    if (refused) return { refused, headers: headers() };
    this.token.record(record.token, now, cost.units);
    this.key.record(record.key, now, cost.units);
    this.members.record(record.token, now, cost.memberUnits);
    return { headers: headers() };
  }

  /** Every URL of a batch counts (unless counted once), and each under /members counts against that limit too. */
  private costOf(path: string, params: Params): Cost {
    if (path === '/batch' && params.urls) {
      const urls = splitBatchUrls(params.urls);
      const memberUnits = urls.filter((url) => isMembersPath(url.split('?')[0])).length;
      return this.batchCounting === 'once' ? { units: 1, memberUnits: Math.min(memberUnits, 1) } : { units: urls.length, memberUnits };
    }
    return { units: 1, memberUnits: isMembersPath(path) ? 1 : 0 };
  }

  private headers(record: TokenRecord, now: number, withMember: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      'x-rate-limit-api-token-interval-ms': String(TOKEN_LIMIT.intervalMs),
      'x-rate-limit-api-token-max': String(TOKEN_LIMIT.max),
      'x-rate-limit-api-token-remaining': String(this.token.remaining(record.token, now)),
      'x-rate-limit-api-key-interval-ms': String(KEY_LIMIT.intervalMs),
      'x-rate-limit-api-key-max': String(KEY_LIMIT.max),
      'x-rate-limit-api-key-remaining': String(this.key.remaining(record.key, now)),
    };
    if (withMember) {
      headers['x-rate-limit-member-interval-ms'] = String(MEMBERS_LIMIT.intervalMs);
      headers['x-rate-limit-member-max'] = String(MEMBERS_LIMIT.max);
      headers['x-rate-limit-member-remaining'] = String(this.members.remaining(record.token, now));
    }
    return headers;
  }
}
