// The web app: 404 when not deployed, HEAD 403/200 by access, doPost/doGet runs with Apps Script's event (no
// headers) answered by a 302 to the echo URL, sign-in redirects for "Only myself", and a real HTTP server.
import { GasEmulator } from '../../../emulator/gas';

const CODE = `
function doPost(e) {
  Logger.log(JSON.stringify(e));
  if (e.parameter.fail) throw new Error('bad delivery');
  return ContentService.createTextOutput(JSON.stringify({ ok: true, active: Session.getActiveUser().getEmail() })).setMimeType(ContentService.MimeType.JSON);
}
function doGet(e) { return ContentService.createTextOutput('status ' + e.parameter.q + ' ' + e.queryString); }
`;
const URL_EXEC = 'https://script.google.com/macros/s/AKfy/exec';

function deployed(access: 'ANYONE_ANONYMOUS' | 'MYSELF' = 'ANYONE_ANONYMOUS'): GasEmulator {
  return new GasEmulator({ code: CODE, webApp: { url: URL_EXEC, access } });
}

const delivery = (query = '?secret=s3'): Parameters<GasEmulator['webApp']['handle']>[0] => ({
  method: 'POST',
  url: `${URL_EXEC}${query}`,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-trello-webhook': 'c2ln' },
  body: '{"action":{"id":"a1"}}',
});

describe('web app', () => {
  it('answers 404 while not deployed and runs nothing', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.webApp.handle(delivery()).status).toBe(404);
    expect(emulator.executions).toEqual([]);
  });

  it('answers HEAD with 403 for "Anyone" and 200 for "Only myself"', () => {
    const head = { method: 'HEAD' as const, url: URL_EXEC, headers: {}, body: '' };
    expect(deployed().webApp.handle(head).status).toBe(403);
    expect(deployed('MYSELF').webApp.handle(head).status).toBe(200);
  });

  it('runs doPost with the Apps Script event (no headers) and answers 302 to the echo URL', () => {
    const emulator = deployed();
    const reply = emulator.webApp.handle(delivery('?secret=s3&x=1&x=2'));
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toMatch(/^https:\/\/script\.googleusercontent\.com\/macros\/echo\?user_content_key=/);
    const [run] = emulator.executions;
    expect(run.functionName).toBe('doPost');
    expect(JSON.parse(run.logs[0])).toEqual({
      parameter: { secret: 's3', x: '1' },
      parameters: { secret: ['s3'], x: ['1', '2'] },
      queryString: 'secret=s3&x=1&x=2',
      contentLength: 22,
      contextPath: '',
      postData: { contents: '{"action":{"id":"a1"}}', length: 22, type: 'application/json', name: 'postData' },
    });
    const echo = emulator.webApp.handle({ method: 'GET', url: reply.headers.location, headers: {}, body: '' });
    expect([echo.status, echo.headers['content-type'], JSON.parse(echo.body)]).toEqual([200, 'application/json; charset=utf-8', { ok: true, active: '' }]);
  });

  it('still answers 302 when doPost throws', () => {
    const emulator = deployed();
    const reply = emulator.webApp.handle(delivery('?fail=1'));
    expect(reply.status).toBe(302);
    expect(emulator.executions[0].error).toBe('Error: bad delivery');
    const echo = emulator.webApp.handle({ method: 'GET', url: reply.headers.location, headers: {}, body: '' });
    expect(echo.body).toContain('Error: bad delivery');
  });

  it('merges urlencoded form fields into the parameters', () => {
    const emulator = deployed();
    emulator.webApp.handle({ method: 'POST', url: `${URL_EXEC}?a=1`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'b=2&a=3' });
    expect(JSON.parse(emulator.executions[0].logs[0]).parameters).toEqual({ a: ['1', '3'], b: ['2'] });
  });

  it('sends outside callers of an "Only myself" app to sign in without running the script', () => {
    const emulator = deployed('MYSELF');
    const reply = emulator.webApp.handle(delivery());
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toMatch(/^https:\/\/accounts\.google\.com\/ServiceLogin\?/);
    expect(emulator.executions).toEqual([]);
  });

  it('switches access when redeployed', () => {
    const emulator = deployed('MYSELF');
    emulator.deployWebApp({ url: URL_EXEC, access: 'ANYONE_ANONYMOUS' });
    expect(emulator.webApp.handle({ method: 'HEAD', url: URL_EXEC, headers: {}, body: '' }).status).toBe(403);
  });

  it('serves the web app over real HTTP on loopback', async () => {
    const emulator = deployed();
    const server = await emulator.startWebAppServer();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const post = await fetch(`${server.url}/exec?secret=s3`, { method: 'POST', body: '{"action":{"id":"a1"}}', headers: { 'content-type': 'application/json' }, redirect: 'manual' });
      expect(post.status).toBe(302);
      expect(JSON.parse(emulator.executions[0].logs[0]).postData.contents).toBe('{"action":{"id":"a1"}}');
      expect((await fetch(`${server.url}/exec`, { method: 'HEAD' })).status).toBe(403);
      const get = await fetch(`${server.url}/exec?q=up`);
      expect([get.status, await get.text()]).toEqual([200, 'status up q=up']);
    } finally {
      await server.close();
    }
  });
});
