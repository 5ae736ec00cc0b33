// The playground page's HTTP server, in a worker thread so that it keeps answering while the main thread runs a long
// execution: each request goes to the main thread over `workerData.requests` as { id, method, url, body }, and the
// reply { id, reply: { status, type, body } } comes back on the same port (see playground-server.ts).
import http from 'node:http';
import { workerData } from 'node:worker_threads';

/** @type {import('node:worker_threads').MessagePort} */
const requests = workerData.requests;
/** @type {Map<number, (reply: { status: number, type: string, body: string }) => void>} */
const waiting = new Map();
let nextId = 0;

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const id = nextId++;
    waiting.set(id, (reply) => response.writeHead(reply.status, { 'content-type': reply.type, 'cache-control': 'no-store' }).end(reply.body));
    requests.postMessage({ id, method: request.method ?? 'GET', url: request.url ?? '/', body: Buffer.concat(chunks).toString('utf8') });
  });
});

requests.on('message', (message) => {
  if (message.close) {
    server.closeAllConnections();
    server.close(() => requests.close());
    return;
  }
  const respond = waiting.get(message.id);
  waiting.delete(message.id);
  respond?.(message.reply);
});

server.once('error', (error) => requests.postMessage({ error: error.message }));
server.listen(workerData.port, '127.0.0.1', () => requests.postMessage({ listening: server.address().port }));
