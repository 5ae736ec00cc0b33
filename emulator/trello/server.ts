// Serves an emulator over node:http on loopback: the REST API under /1/, admin routes under /_emulator/, and a webhook flusher.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AsyncTransport, HttpResponse } from '../http';
import { listenOnLoopback, readHttpRequest, type RunningServer } from '../loopback-server';
import { handleAdminRequest } from './admin-routes';
import { createFetchTransport } from './fetch-transport';
import { textResponse } from './responses';
import type { TrelloEmulator } from './trello-emulator';

/** How often due webhook deliveries are sent. */
const FLUSH_INTERVAL_MS = 200;

/** Server options. */
export interface TrelloServerOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** How HEAD checks and deliveries reach callback URLs (default: fetch, redirects not followed). */
  transport?: AsyncTransport;
}

/** A running server; the API is at `${url}/1/…`. */
export type TrelloServer = RunningServer;

function writeResponse(res: ServerResponse, response: HttpResponse): void {
  // Trello answers every origin (its API is called from browsers too).
  res.writeHead(response.status, { ...response.headers, 'access-control-allow-origin': '*' });
  res.end(response.body);
}

/** Starts serving `emulator` over HTTP on loopback; webhook HEAD checks and deliveries use asynchronous HTTP. */
export async function startTrelloServer(emulator: TrelloEmulator, options: TrelloServerOptions = {}): Promise<TrelloServer> {
  const transport = options.transport ?? createFetchTransport();
  let baseUrl = '';

  const respond = async (message: IncomingMessage, res: ServerResponse): Promise<void> => {
    const request = await readHttpRequest(message, baseUrl);
    if (!request) return writeResponse(res, textResponse(405, 'Method Not Allowed'));
    if (new URL(request.url).pathname.startsWith('/_emulator/')) return writeResponse(res, handleAdminRequest(emulator, request));
    const response = await emulator.handleAsync(request, transport);
    const latencyMs = response.latencyMs ?? 0;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    writeResponse(res, response);
  };

  const server = createServer((message, res) => {
    respond(message, res).catch((error: unknown) => {
      writeResponse(res, textResponse(500, error instanceof Error ? error.message : String(error)));
    });
  });
  const running = await listenOnLoopback(server, options);
  baseUrl = running.url;

  // Deliveries are asynchronous, as on Trello: flushed in the background, one flush at a time.
  let flushing: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (flushing || emulator.pendingDeliveries() === 0) return;
    flushing = emulator.deliverWebhooksAsync(transport).finally(() => {
      flushing = undefined;
    });
  }, FLUSH_INTERVAL_MS);
  timer.unref();

  return {
    url: baseUrl,
    async close() {
      clearInterval(timer);
      await flushing;
      await running.close();
    },
  };
}
