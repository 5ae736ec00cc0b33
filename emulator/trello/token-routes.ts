// Routes under /tokens/{token}: the token's own record (permissions and expiry), for the token making the request.
import { boolParam } from './params';
import { jsonResponse } from './responses';
import type { Route } from './route';
import { selectFields, tokenJson, webhookJson } from './views';
import { ownToken } from './webhook-routes';

export const tokenRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/tokens/{token}',
    params: ['fields', 'webhooks'],
    handle(context) {
      ownToken(context);
      const { store, token } = context;
      const json = selectFields(tokenJson(token, store.keys.get(token.key)?.appName ?? ''), context.params.fields);
      if (boolParam(context.params, 'webhooks') ?? false) {
        json.webhooks = [...store.webhooks.values()].filter((w) => w.token === token.token).map(webhookJson);
      }
      return jsonResponse(json);
    },
  },
];
