// Blocking HTTP from Node for UrlFetchApp: each request runs in a synckit worker thread while this thread waits.
import path from 'node:path';
import { createSyncFn } from 'synckit';
import type { HttpRequest, HttpResponse, SyncTransport } from '../http';
import { TransportError, type TransportFailure } from './transport-error';

/** What the worker answers. */
type WorkerReply = { response: HttpResponse } | { failure: TransportFailure; message: string };

/** How long Apps Script waits for an answer before `Timeout: <url>`. */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * A SyncTransport that really sends each request over HTTP and blocks until the answer (or the timeout). Redirects
 * are not followed (UrlFetchApp follows them itself); failures are thrown as TransportError.
 *
 * The server must run in ANOTHER process (or worker): this thread is blocked during the call, so a server on this
 * thread's event loop can never answer and the call ends in a timeout.
 *
 * `close()` stops the transport from sending; synckit keeps one shared, unreferenced worker per process, which does
 * not keep the process alive.
 */
export function createSyncHttpTransport(options: { timeoutMs?: number } = {}): SyncTransport & { close(): void } {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const send = createSyncFn<(request: HttpRequest, timeoutMs: number) => Promise<WorkerReply>>(path.join(__dirname, 'sync-http-worker.mjs'));
  let closed = false;
  const transport = (request: HttpRequest): HttpResponse => {
    if (closed) throw new TransportError('unreachable', 'the transport is closed');
    const reply = send(request, timeoutMs);
    if ('failure' in reply) throw new TransportError(reply.failure, reply.message);
    return reply.response;
  };
  return Object.assign(transport, {
    close: () => {
      closed = true;
    },
  });
}
