// Serves a web app over real HTTP on loopback, so another process (or the Trello emulator's webhook sender) can reach
// doPost the way it would reach an /exec URL.
import http from 'node:http';
import type { HttpRequest, HttpResponse } from '../http';
import { listenOnLoopback, readHttpRequest, type RunningServer } from '../loopback-server';

export type { RunningServer };

/** Serves `handle` on `host:port` (default 127.0.0.1 and a free port). */
export async function serveHttp(handle: (request: HttpRequest) => HttpResponse, options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  let baseUrl = '';
  const respond = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const request = await readHttpRequest(req, baseUrl);
      if (!request) {
        res.writeHead(405).end();
        return;
      }
      const reply = handle(request);
      res.writeHead(reply.status, reply.headers);
      res.end(request.method === 'HEAD' ? undefined : reply.body);
    } catch (error) {
      // A fault of the emulator itself, reported to the caller rather than crashing the server.
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  };
  const running = await listenOnLoopback(
    http.createServer((req, res) => void respond(req, res)),
    options,
  );
  baseUrl = running.url;
  return running;
}
