// The web app's public front, in its own process: answers Trello's HEAD check itself and forwards every other
// request to the Apps Script emulator's web app server. Google's front end answers a HEAD to /exec without waiting
// for the script; the emulator cannot, because its thread is blocked in the very execution (registerWebhook) whose
// UrlFetch call made Trello send that HEAD.
import http from 'node:http';
import { WebApp, type WebAppDeployment } from '../gas/web-app';
import { listenOnLoopback, readBody, type RunningServer } from '../loopback-server';

/** Where the playground tells the front about (re)deployments: `PUT` a WebAppDeployment, or null to undeploy. */
export const FRONT_DEPLOYMENT_PATH = '/_front/deployment';


/** Serves the front on loopback; `target` is the emulator's web app server (e.g. http://127.0.0.1:40001). */
export function startWebAppFront(target: string, port = 0): Promise<RunningServer> {
  let deployment: WebAppDeployment | null = null;
  // Only HEAD is answered here, and WebApp answers HEAD from the deployment alone: its runner is never called.
  const heads = new WebApp(() => deployment, () => ({ error: 'the front runs no script' }), 'front');

  const server = http.createServer((request, response) => {
    const url = `http://127.0.0.1${request.url ?? '/'}`;
    if (request.url === FRONT_DEPLOYMENT_PATH && request.method === 'PUT') {
      readBody(request).then(
        (body) => {
          deployment = JSON.parse(body) as WebAppDeployment | null;
          response.writeHead(204).end();
        },
        () => response.writeHead(400).end(),
      );
    } else if (request.method === 'HEAD') {
      const reply = heads.handle({ method: 'HEAD', url, headers: {}, body: '' });
      response.writeHead(reply.status, reply.headers).end();
    } else {
      const upstream = http.request(`${target}${request.url ?? '/'}`, { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', (error) => response.writeHead(502, { 'content-type': 'text/plain' }).end(String(error)));
      request.pipe(upstream);
    }
  });
  return listenOnLoopback(server, { port });
}
