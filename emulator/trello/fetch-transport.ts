// An asynchronous transport over the global fetch, as Trello's servers reach callback URLs: no redirects followed, a timeout.
import type { AsyncTransport, HttpRequest } from '../http';

/** Trello waits 30 s for a webhook callback to answer. */
export const CALLBACK_TIMEOUT_MS = 30_000;

/** A transport that sends each request with fetch; a 302 comes back as a 302 (not followed). */
export function createFetchTransport(options: { timeoutMs?: number } = {}): AsyncTransport {
  const timeoutMs = options.timeoutMs ?? CALLBACK_TIMEOUT_MS;
  return async (request: HttpRequest) => {
    const started = Date.now();
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: hasBody ? request.body : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, headers, body, latencyMs: Date.now() - started };
  };
}
