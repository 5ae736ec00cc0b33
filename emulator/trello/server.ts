// Serves an emulator over node:http on loopback: the REST API under /1/, admin routes under /_emulator/, and a webhook flusher.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AsyncTransport, HttpRequest, HttpResponse } from '../http';
import { handleAdminRequest } from './admin-routes';
import { createFetchTransport } from './fetch-transport';
import { textResponse } from './responses';
import type { TrelloEmulator } from './trello-emulator';

/** How often due webhook deliveries are sent. */
const FLUSH_INTERVAL_MS = 200;
const METHODS: readonly HttpRequest['method'][] = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'];

/** Server options. */
export interface TrelloServerOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** How HEAD checks and deliveries reach callback URLs (default: fetch, redirects not followed). */
  transport?: AsyncTransport;
}

/** A running server. */
export interface TrelloServer {
  /** Base URL, e.g. `http://127.0.0.1:40123` (the API is at `${url}/1/…`). */
  url: string;
  close(): Promise<void>;
}

async function readRequest(message: IncomingMessage, baseUrl: string): Promise<HttpRequest | undefined> {
  const method = METHODS.find((m) => m === message.method);
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  if (!method) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method, url: baseUrl + (message.url ?? '/'), headers, body: Buffer.concat(chunks).toString('utf8') };
}

function writeResponse(res: ServerResponse, response: HttpResponse): void {
  // Trello answers every origin (its API is called from browsers too).
  res.writeHead(response.status, { ...response.headers, 'access-control-allow-origin': '*' });
  res.end(response.body);
}

/** Starts serving `emulator` over HTTP on loopback; webhook HEAD checks and deliveries use asynchronous HTTP. */
export async function startTrelloServer(emulator: TrelloEmulator, options: TrelloServerOptions = {}): Promise<TrelloServer> {
  const host = options.host ?? '127.0.0.1';
  const transport = options.transport ?? createFetchTransport();
  let baseUrl = '';

  const respond = async (message: IncomingMessage, res: ServerResponse): Promise<void> => {
    const request = await readRequest(message, baseUrl);
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

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
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
