// The table of REST routes the emulator serves, and matching a request path against it.
import { batchRoutes } from './batch-routes';
import { boardRoutes } from './board-routes';
import { cardFieldRoutes } from './card-field-routes';
import { cardRoutes } from './card-routes';
import { customFieldRoutes } from './custom-field-routes';
import { labelRoutes } from './label-routes';
import { listRoutes } from './list-routes';
import { memberRoutes } from './member-routes';
import type { Route } from './route';
import { tokenRoutes } from './token-routes';
import { webhookRoutes } from './webhook-routes';

/** Every route served under `/1`, each one a path and method of the OpenAPI file. */
export const TRELLO_ROUTES: readonly Route[] = [
  ...memberRoutes,
  ...tokenRoutes,
  ...boardRoutes,
  ...listRoutes,
  ...cardRoutes,
  ...cardFieldRoutes,
  ...labelRoutes,
  ...customFieldRoutes,
  ...webhookRoutes,
  ...batchRoutes,
];

/** A route and the path parameters taken from the request path. */
export interface RouteMatch {
  route: Route;
  path: Record<string, string>;
}

/** Splits a path into segments, ignoring a trailing slash (Trello serves `/webhooks` and `/webhooks/` alike). */
function segments(path: string): string[] {
  return path.split('/').filter((segment, index, all) => index > 0 && !(segment === '' && index === all.length - 1));
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const want = segments(template);
  const got = segments(path);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined && got[index] !== '') params[name] = decodeURIComponent(got[index]);
    else if (part !== got[index]) return undefined;
  }
  return params;
}

/** The route for `method` and `path` (without `/1`), if any. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, path);
    if (params) return { route, path: params };
  }
  return undefined;
}
