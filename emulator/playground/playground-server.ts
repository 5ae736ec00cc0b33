// The playground's own HTTP server: the page, the sidebar with its google.script.run shim, and the page's API. The
// sockets live in a worker thread (page-server-worker.mjs); the answers are made here, where the world runs — when
// idle, or, for the sidebar's live poll, at the service calls of a long execution (as Apps Script runs it beside).
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { withShim, type PageAssets } from './page-assets';
import { boardChange, deploymentAccess, editRequest, menuRequest, RequestError, rowsRequest, rpcRequest } from './request-bodies';
import type { RunningServer } from '../loopback-server';
import type { PlaygroundWorld } from './world';

/** A request as the server thread passes it on. */
interface PageRequest {
  id: number;
  method: string;
  url: string;
  body: string;
}

/** What the server thread says about itself. */
type ServerNews = { listening: number } | { error: string };

/** Sidebar calls answered while another execution runs: the live poll, which shows a long sync's progress. */
const OVERLAPPING_CALLS: ReadonlySet<string> = new Set(['pollChanges']);

/** A reply: status, content type and body. */
interface Reply {
  status: number;
  type: string;
  body: string;
}

const HTML = 'text/html; charset=utf-8';
const json = (value: unknown, status = 200): Reply => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(value) });


/** Answers one request by its method and path. */
async function route(world: PlaygroundWorld, assets: PageAssets, method: string, url: URL, body: string): Promise<Reply> {
  switch (`${method} ${url.pathname}`) {
    case 'GET /':
      return { status: 200, type: HTML, body: assets.html };
    case 'GET /page.css':
      return { status: 200, type: 'text/css; charset=utf-8', body: assets.css };
    case 'GET /page.js':
      return { status: 200, type: 'text/javascript; charset=utf-8', body: assets.script };
    case 'GET /sidebar': {
      // ?shown=N: the sidebar a menu item showed; without it, the page opens one (showSidebar).
      const shown = url.searchParams.get('shown');
      return { status: 200, type: HTML, body: withShim(world.sidebarHtml(shown === null ? undefined : Number(shown)), assets.shim) };
    }
    case 'GET /api/state':
      return json(await world.state());
    case 'POST /api/edit':
      return json({ errors: world.edit(editRequest(body)) });
    case 'POST /api/rows':
      return json({ errors: world.changeRows(rowsRequest(body)) });
    case 'POST /api/open':
      return json({ menus: world.open() });
    case 'POST /api/menu':
      return json(world.runMenuItem(menuRequest(body)));
    case 'POST /api/board':
      return json({ result: await world.changeBoard(boardChange(body)) });
    case 'POST /api/deployment':
      await world.deploy(deploymentAccess(body));
      return json({ ok: true });
    case 'POST /rpc':
      return rpcReply(world, body);
    default:
      return { status: 404, type: 'text/plain; charset=utf-8', body: `Not found: ${method} ${url.pathname}` };
  }
}

/** Like google.script.run: the function's return value, or its error for the failure handler (synchronous). */
function rpcReply(world: PlaygroundWorld, body: string): Reply {
  const { name, args } = rpcRequest(body);
  try {
    return json({ value: world.rpc(name, args) });
  } catch (error) {
    return json({ error: error instanceof Error ? error.message.split('\n')[0] : String(error) }, 500);
  }
}

/** The reply to one request; a malformed one is answered 400, a failure 500. */
function reply(world: PlaygroundWorld, assets: PageAssets, request: PageRequest): Promise<Reply> {
  return Promise.resolve()
    .then(() => route(world, assets, request.method, new URL(request.url, 'http://127.0.0.1'), request.body))
    .catch((error: unknown) =>
      error instanceof RequestError ? json({ error: error.message }, 400) : json({ error: error instanceof Error ? error.message : String(error) }, 500),
    );
}

/** True for a sidebar call that may run while another execution runs. */
function overlaps(request: PageRequest): boolean {
  if (request.method !== 'POST' || request.url !== '/rpc') return false;
  try {
    return OVERLAPPING_CALLS.has(rpcRequest(request.body).name);
  } catch {
    return false;
  }
}

/** Serves the playground on 127.0.0.1:`port` (0 = a free port). */
export function startPlaygroundServer(world: PlaygroundWorld, assets: PageAssets, port: number): Promise<RunningServer> {
  const { port1: requests, port2 } = new MessageChannel();
  const worker = new Worker(path.join(__dirname, 'page-server-worker.mjs'), { workerData: { port, requests: port2 }, transferList: [port2] });
  return new Promise((resolve, reject) => {
    const answer = (request: PageRequest) =>
      void reply(world, assets, request).then((made) => requests.postMessage({ id: request.id, reply: made }));
    const receive = (message: PageRequest | ServerNews) => {
      if ('listening' in message) {
        resolve({
          url: `http://127.0.0.1:${message.listening}`,
          close: async () => {
            const exited = new Promise((done) => worker.once('exit', done));
            requests.postMessage({ close: true });
            await exited;
            requests.close();
          },
        });
      } else if ('error' in message) {
        void worker.terminate();
        reject(new Error(message.error));
      } else answer(message);
    };
    // While an execution runs, the thread is busy: the sidebar's poll is answered at its service calls, and every
    // other request once it has ended.
    const later: (PageRequest | ServerNews)[] = [];
    world.betweenCalls(() => {
      for (let received = receiveMessageOnPort(requests); received; received = receiveMessageOnPort(requests)) {
        const message = received.message as PageRequest | ServerNews;
        if ('id' in message && overlaps(message)) requests.postMessage({ id: message.id, reply: rpcReply(world, message.body) });
        else if (later.push(message) === 1) setImmediate(() => later.splice(0).forEach(receive));
      }
    });
    requests.on('message', receive);
    worker.once('error', reject);
  });
}
