// UrlFetchApp: request building, Apps Script exception texts, muteHttpExceptions, redirects, fetchAll timing and
// counters.
import type { HttpRequest, HttpResponse } from '../../../emulator/http';
import { GasEmulator, NO_CALL_COSTS, TransportError } from '../../../emulator/gas';

const CODE = `
function get(args) { var r = UrlFetchApp.fetch(args[0], args[1]); return [r.getResponseCode(), r.getContentText(), r.getHeaders()]; }
function tryGet(args) { try { UrlFetchApp.fetch(args[0], args[1]); return 'no error'; } catch (e) { return [e.name, e.message, String(e)]; } }
function all(requests) { return UrlFetchApp.fetchAll(requests).map(function (r) { return r.getResponseCode(); }); }
function bytes() { return UrlFetchApp.fetch('https://api.trello.com/1/x').getContent(); }
`;

/** A transport that records requests and answers from a table by URL. */
function server(answers: Record<string, Partial<HttpResponse>>): { transport: (r: HttpRequest) => HttpResponse; seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  return {
    seen,
    transport: (request) => {
      seen.push(request);
      const answer = answers[request.url] ?? { status: 404, body: 'not found' };
      return { status: answer.status ?? 200, headers: answer.headers ?? {}, body: answer.body ?? '', latencyMs: answer.latencyMs };
    },
  };
}

describe('UrlFetchApp', () => {
  it('sends method, lower-cased headers, a form-encoded object payload and a user agent', () => {
    const { transport, seen } = server({ 'https://api.trello.com/1/cards': { body: '{"id":"c1"}', headers: { 'content-type': 'application/json' } } });
    const emulator = new GasEmulator({ code: CODE, fetch: transport });
    const result = emulator.run('get', ['https://api.trello.com/1/cards', { method: 'post', headers: { Authorization: 'OAuth x' }, payload: { name: 'A b', idList: 'l1' } }]);
    expect(result.error).toBeUndefined();
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: 'https://api.trello.com/1/cards',
      body: 'name=A%20b&idList=l1',
      headers: { authorization: 'OAuth x', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(seen[0].headers['user-agent']).toContain('Google-Apps-Script');
  });

  it('uses contentType for a string payload and GET by default', () => {
    const { transport, seen } = server({ 'https://x.test/a': {} });
    const emulator = new GasEmulator({ code: CODE, fetch: transport });
    emulator.run('get', ['https://x.test/a', { contentType: 'application/json', payload: '{"a":1}', method: 'PUT' }]);
    emulator.run('get', ['https://x.test/a']);
    expect(seen.map((r) => [r.method, r.headers['content-type'], r.body])).toEqual([
      ['PUT', 'application/json', '{"a":1}'],
      ['GET', undefined, ''],
    ]);
  });

  it('throws the Apps Script text for an HTTP error: origin only, body cut to 147 characters and an ellipsis', () => {
    const long = 'x'.repeat(200);
    const { transport } = server({
      'https://api.trello.com/1/boards/b1?fields=name': { status: 401, body: 'invalid key' },
      'https://api.trello.com/1/long': { status: 500, body: long },
    });
    const emulator = new GasEmulator({ code: CODE, fetch: transport });
    expect(emulator.run('tryGet', ['https://api.trello.com/1/boards/b1?fields=name']).returnValue).toEqual([
      'Exception',
      'Request failed for https://api.trello.com returned code 401. Truncated server response: invalid key (use muteHttpExceptions option to examine full response)',
      'Exception: Request failed for https://api.trello.com returned code 401. Truncated server response: invalid key (use muteHttpExceptions option to examine full response)',
    ]);
    const message = (emulator.run('tryGet', ['https://api.trello.com/1/long']).returnValue as string[])[1];
    expect(message).toBe(`Request failed for https://api.trello.com returned code 500. Truncated server response: ${'x'.repeat(147)}... (use muteHttpExceptions option to examine full response)`);
  });

  it('returns HTTP errors as responses with muteHttpExceptions', () => {
    const { transport } = server({ 'https://x.test/gone': { status: 410, body: 'gone', headers: { 'x-a': '1' } } });
    const emulator = new GasEmulator({ code: CODE, fetch: transport });
    expect(emulator.run('get', ['https://x.test/gone', { muteHttpExceptions: true }]).returnValue).toEqual([410, 'gone', { 'x-a': '1' }]);
  });

  it('words transport failures as Apps Script does, whatever muteHttpExceptions says', () => {
    const failing = (failure: 'dns' | 'timeout' | 'unreachable') => () => {
      throw new TransportError(failure, 'no answer');
    };
    const url = 'https://api.trello.com/1/members/me?fields=id';
    const text = (fetch: () => never) => (new GasEmulator({ code: CODE, fetch }).run('tryGet', [url, { muteHttpExceptions: true }]).returnValue as string[])[2];
    expect(text(failing('dns'))).toBe(`Exception: DNS error: ${url}`);
    expect(text(failing('timeout'))).toBe(`Exception: Timeout: ${url}`);
    expect(text(failing('unreachable'))).toBe(`Exception: Address unavailable: ${url}`);
    expect((new GasEmulator({ code: CODE }).run('tryGet', [url]).returnValue as string[])[2]).toBe(`Exception: Address unavailable: ${url}`);
  });

  it('rejects a malformed URL', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect((emulator.run('tryGet', ['not a url']).returnValue as string[])[2]).toBe('Exception: Invalid argument: not a url');
  });

  it('follows redirects unless told not to', () => {
    const { transport, seen } = server({
      'https://x.test/old': { status: 302, headers: { location: '/new' } },
      'https://x.test/new': { body: 'moved here' },
    });
    const emulator = new GasEmulator({ code: CODE, fetch: transport });
    expect(emulator.run('get', ['https://x.test/old', { method: 'post', payload: 'a=1' }]).returnValue).toEqual([200, 'moved here', {}]);
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['POST https://x.test/old', 'GET https://x.test/new']);
    expect((emulator.run('get', ['https://x.test/old', { followRedirects: false }]).returnValue as unknown[])[0]).toBe(302);
  });

  it('lets the latency of a fetch pass, and only the longest one of a fetchAll', () => {
    const { transport } = server({
      'https://x.test/a': { latencyMs: 300 },
      'https://x.test/b': { latencyMs: 700 },
      'https://x.test/c': { latencyMs: 200 },
    });
    // Only the servers' latency: no call cost on top.
    const emulator = new GasEmulator({ code: CODE, fetch: transport, callCosts: NO_CALL_COSTS });
    const single = emulator.run('get', ['https://x.test/a']);
    expect(single.endedAt - single.startedAt).toBe(300);
    const batch = emulator.run('all', ['https://x.test/a', { url: 'https://x.test/b', method: 'post' }, 'https://x.test/c']);
    expect(batch.returnValue).toEqual([200, 200, 200]);
    expect(batch.endedAt - batch.startedAt).toBe(700);
    expect(batch.counters).toMatchObject({ urlFetchCalls: 1, urlFetchRequests: 3 });
    expect(single.counters).toMatchObject({ urlFetchCalls: 1, urlFetchRequests: 1 });
  });

  it('throws from fetchAll when one request fails without muteHttpExceptions', () => {
    const { transport, seen } = server({ 'https://x.test/a': {} });
    const emulator = new GasEmulator({ code: CODE, fetch: transport });
    const result = emulator.run('all', ['https://x.test/a', 'https://x.test/missing']);
    expect(result.error).toBe('Exception: Request failed for https://x.test returned code 404. Truncated server response: not found (use muteHttpExceptions option to examine full response)');
    expect(seen).toHaveLength(2);
  });

  it('gives bytes as signed Java bytes', () => {
    const { transport } = server({ 'https://api.trello.com/1/x': { body: 'é' } });
    const emulator = new GasEmulator({ code: CODE, fetch: transport });
    expect(emulator.run('bytes').returnValue).toEqual([-61, -87]);
  });
});
