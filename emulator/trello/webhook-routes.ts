// Routes for webhooks: create (after a HEAD check of the callback URL), read, change and delete, under /webhooks and /tokens/{token}/webhooks.
import type { HttpResponse } from '../http';
import { isTrelloId } from './object-id';
import { boolParam, idParam, type Params, textParam } from './params';
import { ApiError, jsonResponse, textResponse, trelloErrors } from './responses';
import type { CallbackCheck, Route, RouteContext, RouteResult } from './route';
import type { WebhookRecord } from './trello-store';
import { webhookJson } from './views';

/** Trello's answer when the same token already watches the same model with the same callback. */
export const WEBHOOK_EXISTS = 'A webhook with that callback, model, and token already exists';

function callbackUrlParam(params: Params, required: boolean): string | undefined {
  const value = params.callbackURL;
  if (value === undefined && !required) return undefined;
  if (value === undefined || !/^https?:\/\/[^/\s]+/i.test(value)) throw trelloErrors.invalidValue('callbackURL');
  return value;
}

function watchedModel(context: RouteContext, required: boolean): string | undefined {
  const idModel = required ? idParam(context.params, 'idModel', true) : idParam(context.params, 'idModel');
  if (idModel !== undefined && !context.store.canAccessModel(context.member, idModel)) throw trelloErrors.invalidValue('idModel');
  return idModel;
}

function rejectDuplicate(context: RouteContext, callbackURL: string, idModel: string, except?: WebhookRecord): void {
  const duplicate = [...context.store.webhooks.values()].some(
    (w) => w !== except && w.token === context.token.token && w.callbackURL === callbackURL && w.idModel === idModel,
  );
  if (duplicate) throw new ApiError(textResponse(400, WEBHOOK_EXISTS));
}

/** The HEAD check Trello makes before it accepts a callback URL; `accept` runs only when the URL answered 200. */
function checkCallback(callbackURL: string, accept: () => HttpResponse): CallbackCheck {
  return {
    kind: 'callbackCheck',
    request: { method: 'HEAD', url: callbackURL, headers: {}, body: '' },
    complete(outcome) {
      const got = outcome instanceof Error ? outcome.message : outcome.status;
      if (got !== 200) {
        return jsonResponse({ message: `URL (${callbackURL}) did not return 200 status code, got ${got}`, error: 'ERROR' }, 400);
      }
      try {
        return accept();
      } catch (error) {
        if (error instanceof ApiError) return error.response;
        throw error;
      }
    },
  };
}

function createWebhook(context: RouteContext): RouteResult {
  const { params, store } = context;
  const callbackURL = callbackUrlParam(params, true) ?? '';
  const idModel = watchedModel(context, true) ?? '';
  const description = textParam(params, 'description') ?? '';
  const active = boolParam(params, 'active') ?? true;
  rejectDuplicate(context, callbackURL, idModel);
  return checkCallback(callbackURL, () => {
    rejectDuplicate(context, callbackURL, idModel);
    const webhook: WebhookRecord = {
      id: store.ids.next(),
      token: context.token.token,
      idModel,
      callbackURL,
      description,
      active,
      consecutiveFailures: 0,
      firstConsecutiveFailDate: null,
    };
    store.webhooks.set(webhook.id, webhook);
    return jsonResponse(webhookJson(webhook));
  });
}

/** The token's webhook named in the path; `invalidIdError` is what a malformed id answers on this path. */
function ownWebhook(context: RouteContext, id: string, invalidIdError: () => ApiError): WebhookRecord {
  if (!isTrelloId(id)) throw invalidIdError();
  const webhook = context.store.webhooks.get(id.toLowerCase());
  if (!webhook) throw trelloErrors.notFound();
  if (webhook.token !== context.token.token) throw trelloErrors.unauthorized();
  return webhook;
}

function updateWebhook(context: RouteContext, webhook: WebhookRecord): RouteResult {
  const { params } = context;
  const callbackURL = callbackUrlParam(params, false) ?? webhook.callbackURL;
  const idModel = watchedModel(context, false) ?? webhook.idModel;
  const description = textParam(params, 'description') ?? webhook.description;
  const active = boolParam(params, 'active') ?? webhook.active;
  rejectDuplicate(context, callbackURL, idModel, webhook);
  const apply = (): HttpResponse => {
    Object.assign(webhook, { callbackURL, idModel, description, active });
    return jsonResponse(webhookJson(webhook));
  };
  return callbackURL === webhook.callbackURL ? apply() : checkCallback(callbackURL, apply);
}

function deleteWebhook(context: RouteContext, webhook: WebhookRecord): HttpResponse {
  context.store.webhooks.delete(webhook.id);
  return jsonResponse({ _value: null });
}

/** `/tokens/{token}/…` only serves the token making the request. */
export function ownToken(context: RouteContext): void {
  if (context.path.token !== context.token.token) throw trelloErrors.unauthorized();
}

const byId = (context: RouteContext) => ownWebhook(context, context.path.id, trelloErrors.invalidId);
const byTokenPath = (context: RouteContext) => {
  ownToken(context);
  return ownWebhook(context, context.path.idWebhook, () => trelloErrors.invalidValue('idWebhook'));
};

export const webhookRoutes: readonly Route[] = [
  { method: 'POST', path: '/webhooks/', params: ['description', 'callbackURL', 'idModel', 'active'], handle: createWebhook },
  { method: 'GET', path: '/webhooks/{id}', params: [], handle: (context) => jsonResponse(webhookJson(byId(context))) },
  {
    method: 'PUT',
    path: '/webhooks/{id}',
    params: ['description', 'callbackURL', 'idModel', 'active'],
    handle: (context) => updateWebhook(context, byId(context)),
  },
  { method: 'DELETE', path: '/webhooks/{id}', params: [], handle: (context) => deleteWebhook(context, byId(context)) },
  {
    method: 'GET',
    path: '/tokens/{token}/webhooks',
    params: [],
    handle(context) {
      ownToken(context);
      const own = [...context.store.webhooks.values()].filter((w) => w.token === context.token.token);
      return jsonResponse(own.map(webhookJson));
    },
  },
  {
    method: 'POST',
    path: '/tokens/{token}/webhooks',
    params: ['description', 'callbackURL', 'idModel'],
    handle(context) {
      ownToken(context);
      return createWebhook(context);
    },
  },
  { method: 'GET', path: '/tokens/{token}/webhooks/{idWebhook}', params: [], handle: (context) => jsonResponse(webhookJson(byTokenPath(context))) },
  {
    method: 'PUT',
    path: '/tokens/{token}/webhooks/{idWebhook}',
    params: ['description', 'callbackURL', 'idModel'],
    handle: (context) => updateWebhook(context, byTokenPath(context)),
  },
  { method: 'DELETE', path: '/tokens/{token}/webhooks/{idWebhook}', params: [], handle: (context) => deleteWebhook(context, byTokenPath(context)) },
];
