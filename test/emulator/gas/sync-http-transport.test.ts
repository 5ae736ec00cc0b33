// The blocking HTTP transport, against a server in a child process (a server on this thread could never answer).
import { spawn, type ChildProcess } from 'node:child_process';
import { GasEmulator, TransportError, createSyncHttpTransport } from '../../../emulator/gas';

const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url === '/slow') return; // never answers
    if (req.url === '/moved') { res.writeHead(302, { Location: '/ok' }); return res.end(); }
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'Content-Type': 'application/json', 'X-Seen': req.headers['x-token'] || '' });
    res.end(JSON.stringify({ method: req.method, url: req.url, body }));
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

describe('createSyncHttpTransport', () => {
  let child: ChildProcess;
  let base: string;
  // A generous timeout for answers (a loaded machine is slow to switch processes), a short one for the silent endpoint.
  const transport = createSyncHttpTransport({ timeoutMs: 10_000 });
  const impatient = createSyncHttpTransport({ timeoutMs: 400 });

  beforeAll(async () => {
    child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<string>((resolve) => child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(() => {
    transport.close();
    impatient.close();
    child.kill();
  });

  it('sends a request and blocks until the answer, with lower-case header names', () => {
    const reply = transport({ method: 'POST', url: `${base}/ok?x=1`, headers: { 'x-token': 't1', 'content-type': 'text/plain' }, body: 'hello' });
    expect(reply.status).toBe(200);
    expect(reply.headers['x-seen']).toBe('t1');
    expect(JSON.parse(reply.body)).toEqual({ method: 'POST', url: '/ok?x=1', body: 'hello' });
  });

  it('does not follow redirects itself', () => {
    const reply = transport({ method: 'GET', url: `${base}/moved`, headers: {}, body: '' });
    expect([reply.status, reply.headers.location]).toEqual([302, '/ok']);
  });

  it('gives up after its timeout with a timeout failure', () => {
    const started = Date.now();
    let thrown: unknown;
    try {
      impatient({ method: 'GET', url: `${base}/slow`, headers: {}, body: '' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TransportError);
    expect((thrown as TransportError).failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a refused connection as unreachable', () => {
    expect(() => transport({ method: 'GET', url: 'http://127.0.0.1:1/', headers: {}, body: '' })).toThrow(
      expect.objectContaining({ failure: 'unreachable' }),
    );
  });

  it('carries UrlFetchApp to the other process, redirects and Apps Script texts included', () => {
    const code = `
      function go(url) { try { var r = UrlFetchApp.fetch(url, { headers: { 'X-Token': 'abc' } }); return [r.getResponseCode(), JSON.parse(r.getContentText()).url]; }
        catch (e) { return String(e); } }`;
    const emulator = new GasEmulator({ code, fetch: transport });
    expect(emulator.run('go', `${base}/moved`).returnValue).toEqual([200, '/ok']);
    expect(emulator.run('go', `${base}/missing`).returnValue).toBe(
      `Exception: Request failed for ${base} returned code 404. Truncated server response: {"method":"GET","url":"/missing","body":""} (use muteHttpExceptions option to examine full response)`,
    );
    expect(emulator.run('go', `${base}/slow`).returnValue).toBe(`Exception: Timeout: ${base}/slow`);
  });
});
