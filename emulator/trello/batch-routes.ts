// GET /batch: up to 10 GET routes in one request, answered as `[{"200": body}, {name, message, statusCode}, …]`.
import { jsonResponse, trelloErrors } from './responses';
import type { Route } from './route';
import type { HttpResponse } from '../http';
import type { JsonValue } from './types';

/** Most routes one batch may carry. */
export const MAX_BATCH_URLS = 10;

/**
 * The routes of a `urls` value: comma-separated paths that start with `/`; a piece that does not start with `/` is
 * the rest of a comma-separated query value (`/boards/x?fields=name,desc`).
 */
export function splitBatchUrls(urls: string): string[] {
  const routes: string[] = [];
  for (const piece of urls.split(',')) {
    if (piece.startsWith('/') || routes.length === 0) routes.push(piece);
    else routes[routes.length - 1] += `,${piece}`;
  }
  return routes;
}

function bodyValue(body: string): JsonValue {
  try {
    return JSON.parse(body) as JsonValue;
  } catch {
    return body;
  }
}

/** Error names of failed items, by status (clients read `statusCode` and `message`; the name is informative). */
const ERROR_NAMES: Record<number, string> = { 400: 'BadRequestError', 401: 'UnauthorizedError', 403: 'ForbiddenError', 404: 'NotFoundError', 429: 'TooManyRequestsError' };

/**
 * One route's answer inside a batch: `{"200": body}` on success; a failure is `{name, message, statusCode}` (the shape
 * Trello clients such as TrelloDotNet read), with the route's own error text as the message.
 */
function batchItem(response: HttpResponse): JsonValue {
  if (response.status === 200) return { '200': bodyValue(response.body) };
  const body = bodyValue(response.body);
  const message = typeof body === 'string' ? body : typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : response.body;
  return { name: ERROR_NAMES[response.status] ?? 'ServerError', message, statusCode: response.status };
}

export const batchRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/batch',
    params: ['urls'],
    handle(context) {
      const urls = context.params.urls;
      if (urls === undefined || urls === '') throw trelloErrors.invalidValue('urls');
      const routes = splitBatchUrls(urls);
      if (routes.length > MAX_BATCH_URLS) throw trelloErrors.invalidValue('urls');
      return jsonResponse(routes.map((route) => batchItem(context.subRequest(route))));
    },
  },
];
