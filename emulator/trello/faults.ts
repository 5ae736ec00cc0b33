// Fault switches for tests and the playground: latency, failing requests, and write responses lost on the way back.
import type { HttpResponse } from '../http';
import { rateLimitResponse, textResponse } from './responses';

/** Public mutable switches; each count is used up by the requests it affects. */
export interface TrelloFaults {
  /** Put on every response as `latencyMs` (the caller's clock moves by it). */
  latencyMs: number;
  /** The next n requests answer 500 and change nothing. */
  failNext5xx: number;
  /** The next n requests answer 429 (`API_TOKEN_LIMIT_EXCEEDED`) and change nothing. */
  failNext429: number;
  /**
   * The next n write requests (POST/PUT/DELETE) that reach their handler take effect (state changed, actions
   * recorded, webhooks queued) but are answered 504 with an HTML gateway page, as when the response is lost between
   * Trello and the caller.
   */
  loseNextWriteResponses: number;
}

/** Switches all off. */
export function noFaults(): TrelloFaults {
  return { latencyMs: 0, failNext5xx: 0, failNext429: 0, loseNextWriteResponses: 0 };
}

/** The answer to a request consumed by `failNext5xx` or `failNext429`, if one is switched on (and uses it up). */
export function injectedFailure(faults: TrelloFaults): HttpResponse | undefined {
  if (faults.failNext5xx > 0) {
    faults.failNext5xx--;
    return textResponse(500, 'Internal Server Error');
  }
  if (faults.failNext429 > 0) {
    faults.failNext429--;
    return rateLimitResponse('token');
  }
  return undefined;
}

/** What a caller gets when the response to a write that did happen is lost: a gateway timeout page. */
export function lostResponse(): HttpResponse {
  return {
    status: 504,
    headers: { 'content-type': 'text/html' },
    body: '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center></body></html>',
  };
}
