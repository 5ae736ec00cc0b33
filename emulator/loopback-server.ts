// What every emulator server on loopback shares: listening on a free port, closing cleanly, reading a request.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest } from './http';

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  url: string;
  close(): Promise<void>;
}

const METHODS: readonly HttpRequest['method'][] = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'];

/** Starts `server` on loopback (default 127.0.0.1, port 0 = a free port). */
export function listenOnLoopback(server: http.Server, options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}

/** The body of `message`, once it has all arrived, as UTF-8 text. */
export function readBody(message: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    message.on('error', reject);
  });
}

/** The request as the emulators see it (lower-case headers, absolute URL on `baseUrl`); undefined for another method. */
export async function readHttpRequest(message: http.IncomingMessage, baseUrl: string): Promise<HttpRequest | undefined> {
  const body = await readBody(message);
  const method = METHODS.find((known) => known === (message.method ?? 'GET').toUpperCase());
  if (!method) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method, url: baseUrl + (message.url ?? '/'), headers, body };
}
