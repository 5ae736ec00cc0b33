// UrlFetchApp: fetch and fetchAll over a SyncTransport, with Apps Script's parameters, redirects, exception texts
// and timing (the emulated clock moves by each exchange's latency; fetchAll's requests travel in parallel).
import type { HttpRequest, HttpResponse, SyncTransport } from '../http';
import { bytesOfBlob } from './blob';
import { isByteArray, toBytes } from './bytes';
import type { Execution } from './execution';
import { createHttpResponse } from './http-response';
import { serviceObject } from './service-object';
import { TransportError } from './transport-error';

const METHODS = new Set<HttpRequest['method']>(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Redirects followed before giving up, like any HTTP client. */
const MAX_REDIRECTS = 10;
/** Apps Script shows this many characters of an error body (147 and an ellipsis), then hints at muteHttpExceptions. */
const SHOWN_BODY = 150;

/** One request as the script described it. */
interface Prepared {
  request: HttpRequest;
  mute: boolean;
  followRedirects: boolean;
}

/** The outcome of one prepared request: the final response, or the Apps Script text of its failure. */
interface Outcome {
  response?: HttpResponse;
  failure?: string;
  latencyMs: number;
}

function formEncode(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

function payloadBody(payload: unknown): string {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  const blob = bytesOfBlob(payload);
  if (blob) return blob.toString('utf8');
  if (isByteArray(payload)) return toBytes(payload).toString('utf8');
  return formEncode(payload as Record<string, unknown>);
}

function prepare(env: Execution, url: unknown, params: unknown, scriptId: string): Prepared {
  const target = String(url);
  if (!URL.canParse(target) || !/^https?:$/.test(new URL(target).protocol) || /\s/.test(target)) {
    env.fail(`Invalid argument: ${target}`);
  }
  const options = (params ?? {}) as Record<string, unknown>;
  const method = String(options.method ?? 'get').toUpperCase() as HttpRequest['method'];
  if (!METHODS.has(method)) env.fail(`Invalid argument: method`);
  const headers: Record<string, string> = {
    'user-agent': `Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: ${scriptId})`,
  };
  for (const [name, value] of Object.entries((options.headers ?? {}) as Record<string, unknown>)) {
    headers[name.toLowerCase()] = String(value);
  }
  const body = payloadBody(options.payload);
  if (options.contentType !== undefined) headers['content-type'] = String(options.contentType);
  else if (options.payload !== undefined && headers['content-type'] === undefined) {
    // Apps Script's default content type for a payload, whatever its shape.
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  return {
    request: { method, url: target, headers, body },
    mute: options.muteHttpExceptions === true,
    followRedirects: options.followRedirects !== false,
  };
}

function failureText(error: unknown, url: string): string {
  if (error instanceof TransportError && error.failure === 'dns') return `DNS error: ${url}`;
  if (error instanceof TransportError && error.failure === 'timeout') return `Timeout: ${url}`;
  return `Address unavailable: ${url}`;
}

function httpFailureText(url: string, response: HttpResponse): string {
  const body = response.body.length > SHOWN_BODY ? `${response.body.slice(0, SHOWN_BODY - 3)}...` : response.body;
  return (
    `Request failed for ${new URL(url).origin} returned code ${response.status}. ` +
    `Truncated server response: ${body} (use muteHttpExceptions option to examine full response)`
  );
}

/** Sends one prepared request, following redirects; never throws (failures come back as text). */
function exchange(transport: SyncTransport, prepared: Prepared): Outcome {
  let request = prepared.request;
  let latencyMs = 0;
  for (let hop = 0; ; hop++) {
    let response: HttpResponse;
    try {
      response = transport(request);
    } catch (error) {
      return { failure: failureText(error, request.url), latencyMs };
    }
    latencyMs += response.latencyMs ?? 0;
    const location = response.headers.location;
    if (!prepared.followRedirects || !REDIRECTS.has(response.status) || location === undefined || hop === MAX_REDIRECTS) {
      if (response.status >= 400 && !prepared.mute) return { failure: httpFailureText(request.url, response), latencyMs };
      return { response, latencyMs };
    }
    // 307/308 repeat the request as it was; the others turn into a GET without a body.
    const keep = response.status === 307 || response.status === 308;
    request = keep
      ? { ...request, url: new URL(location, request.url).href }
      : { method: 'GET', url: new URL(location, request.url).href, headers: request.headers, body: '' };
  }
}

/** The UrlFetchApp global for one execution. */
export function createUrlFetchApp(env: Execution, transport: SyncTransport, scriptId: string): object {
  // Sends every request (as if in parallel), lets the longest exchange's time pass, then throws the first failure.
  const send = (prepared: Prepared[]): object[] => {
    env.meter?.beforeFetch(env, prepared.length);
    env.counters.urlFetchRequests += prepared.length;
    const outcomes = prepared.map((p) => exchange(transport, p));
    const latencyMs = Math.max(0, ...outcomes.map((o) => o.latencyMs));
    env.clock.advance(latencyMs);
    const bytesReceived = outcomes.reduce((bytes, o) => bytes + Buffer.byteLength(o.response?.body ?? ''), 0);
    env.counters.urlFetchBytesReceived += bytesReceived;
    env.meter?.afterFetch(env, latencyMs, bytesReceived);
    const failed = outcomes.find((o) => o.failure !== undefined);
    if (failed?.failure !== undefined) env.fail(failed.failure);
    return outcomes.map((o) => createHttpResponse(env, o.response as HttpResponse));
  };
  return serviceObject(env, 'UrlFetchApp', 'UrlFetchApp', {
    fetch: (url: unknown, params?: unknown) => send([prepare(env, url, params, scriptId)])[0],
    fetchAll: (requests: unknown) => {
      const prepared = ((requests ?? []) as unknown[]).map((item) => {
        if (typeof item === 'string') return prepare(env, item, undefined, scriptId);
        const { url, ...params } = item as Record<string, unknown>;
        return prepare(env, url, params, scriptId);
      });
      return env.realm.adopt(send(prepared));
    },
    getRequest: (url: unknown, params?: unknown) => {
      const { request } = prepare(env, url, params, scriptId);
      return env.realm.adopt({ url: request.url, method: request.method.toLowerCase(), headers: request.headers, payload: request.body });
    },
  });
}
