// The playground's own HTTP server: the page, the sidebar with its google.script.run shim, and the page's API.
import http from 'node:http';
import { withShim, type PageAssets } from './page-assets';
import { boardChange, deploymentAccess, editRequest, menuRequest, RequestError, rowsRequest, rpcRequest } from './request-bodies';
import { listenOnLoopback, readBody, type RunningServer } from '../loopback-server';
import type { PlaygroundWorld } from './world';

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
    case 'POST /rpc': {
      // Like google.script.run: the function's return value, or its error for the failure handler.
      const { name, args } = rpcRequest(body);
      try {
        return json({ value: world.rpc(name, args) });
      } catch (error) {
        return json({ error: error instanceof Error ? error.message.split('\n')[0] : String(error) }, 500);
      }
    }
    default:
      return { status: 404, type: 'text/plain; charset=utf-8', body: `Not found: ${method} ${url.pathname}` };
  }
}

/** Serves the playground on 127.0.0.1:`port` (0 = a free port). */
export function startPlaygroundServer(world: PlaygroundWorld, assets: PageAssets, port: number): Promise<RunningServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    readBody(request)
      .then((body) => route(world, assets, request.method ?? 'GET', url, body))
      .catch((error: unknown) =>
        error instanceof RequestError ? json({ error: error.message }, 400) : json({ error: error instanceof Error ? error.message : String(error) }, 500),
      )
      .then((reply) => response.writeHead(reply.status, { 'content-type': reply.type, 'cache-control': 'no-store' }).end(reply.body));
  });
  return listenOnLoopback(server, { port });
}
