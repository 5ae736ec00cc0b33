// GET /batch: up to 10 GET routes in one request, answered as `[{"200": body}, {"404": body}, …]`.
import { jsonResponse, trelloErrors } from './responses';
import type { Route } from './route';
import type { JsonValue } from './types';

/** Most routes one batch may carry. */
export const MAX_BATCH_URLS = 10;

/**
 * The routes of a `urls` value: comma-separated paths that start with `/`; a piece that does not start with `/` is
 * the rest of a comma-separated query value (`/boards/x?fields=name,desc`).
 */
function splitBatchUrls(urls: string): string[] {
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
      return jsonResponse(
        routes.map((route) => {
          const response = context.subRequest(route);
          return { [String(response.status)]: bodyValue(response.body) };
        }),
      );
    },
  },
];
