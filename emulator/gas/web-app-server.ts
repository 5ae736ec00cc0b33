// Serves a web app over real HTTP on loopback, so another process (or the Trello emulator's webhook sender) can reach
// doPost the way it would reach an /exec URL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest, HttpResponse } from '../http';

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH']);

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  url: string;
  close(): Promise<void>;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Serves `handle` on `host:port` (default 127.0.0.1 and a free port). */
export function serveHttp(
  handle: (request: HttpRequest) => HttpResponse,
  options: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const respond = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const body = await readBody(req);
      const method = (req.method ?? 'GET').toUpperCase();
      if (!METHODS.has(method)) {
        res.writeHead(405).end();
        return;
      }
      const { port } = server.address() as AddressInfo;
      const url = `http://${host}:${port}${req.url ?? '/'}`;
      const reply = handle({ method: method as HttpRequest['method'], url, headers: flatHeaders(req.headers), body });
      res.writeHead(reply.status, reply.headers);
      res.end(method === 'HEAD' ? undefined : reply.body);
    } catch (error) {
      // A fault of the emulator itself, reported to the caller rather than crashing the server.
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  };
  const server = http.createServer((req, res) => void respond(req, res));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}
