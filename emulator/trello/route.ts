// What a REST route is: method, OpenAPI path, accepted parameters and a handler; and what a handler sees and returns.
import type { HttpRequest, HttpResponse } from '../http';
import type { BoardOperations } from './board-operations';
import type { Params } from './params';
import type { MemberRecord, TokenRecord, TrelloStore } from './trello-store';

/** Everything a handler needs for one authenticated request. */
export interface RouteContext {
  /** Query and body parameters, already checked against the route's `params`. */
  readonly params: Params;
  /** Path parameters by their OpenAPI names. */
  readonly path: Record<string, string>;
  /** The token's member. */
  readonly member: MemberRecord;
  readonly token: TokenRecord;
  readonly store: TrelloStore;
  readonly ops: BoardOperations;
  /** Answers one GET route (path and query without `/1`) for the same token, as a `/batch` item. */
  subRequest(pathAndQuery: string): HttpResponse;
}

/**
 * A HEAD check of a webhook callback URL that must happen before the request can be answered. The emulator sends
 * the HEAD (synchronously in `handle`, asynchronously in server mode) and calls `complete` with the status it got
 * (or the error when the URL could not be reached).
 */
export interface CallbackCheck {
  readonly kind: 'callbackCheck';
  readonly request: HttpRequest;
  complete(outcome: HttpResponse | Error): HttpResponse;
}

/** A handler's answer: a response now, or one after a callback check. */
export type RouteResult = HttpResponse | CallbackCheck;

/** One REST route. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path as written in the OpenAPI file (without `/1`), e.g. `/cards/{id}`. */
  readonly path: string;
  /** Query/body parameters the emulator accepts here: documented for this operation in the OpenAPI file. */
  readonly params: readonly string[];
  handle(context: RouteContext): RouteResult;
}

/** Whether a handler result still needs its callback check. */
export function isCallbackCheck(result: RouteResult): result is CallbackCheck {
  return 'kind' in result && result.kind === 'callbackCheck';
}
