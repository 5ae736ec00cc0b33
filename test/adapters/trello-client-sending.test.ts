// TrelloClient over a scripted UrlFetchApp: what a run sends, retries, waits for and gives up on.
import { refusesCredentials, TrelloClient, TrelloError, type TrelloRequest } from '../../src/adapters/trello-client';

const START = Date.UTC(2026, 0, 1);
const KEY = 'k'.repeat(32);
const TOKEN = 't'.repeat(64);
const RECENT_KEY = 'TRELLO_RECENT_REQUESTS';

/** One scripted answer: status, body and headers. */
interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A UrlFetchApp whose answers come from `answer`, on a clock that only moves when the client sleeps. Redirects are
 * followed unless a request says `followRedirects: false`, as UrlFetchApp does.
 */
function scriptedTrello(answer: (request: GoogleAppsScript.URL_Fetch.URLFetchRequest, attempt: number) => Answer, cacheEntries: Record<string, string> = {}) {
  let now = START;
  const sent: { at: number; request: GoogleAppsScript.URL_Fetch.URLFetchRequest }[] = [];
  const attempts = new Map<string, number>();
  const cache = new Map(Object.entries(cacheEntries));
  const cacheSeconds = new Map<string, number>();
  const respond = (request: GoogleAppsScript.URL_Fetch.URLFetchRequest): GoogleAppsScript.URL_Fetch.HTTPResponse => {
    sent.push({ at: now, request });
    const attempt = (attempts.get(request.url) ?? 0) + 1;
    attempts.set(request.url, attempt);
    const reply = answer(request, attempt);
    if (reply.status >= 300 && reply.status < 400 && request.followRedirects !== false && reply.headers?.Location) {
      return respond({ ...request, url: reply.headers.Location });
    }
    return {
      getResponseCode: () => reply.status,
      getContentText: () => reply.body ?? '',
      getHeaders: () => reply.headers ?? {},
    } as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
  };
  const urlFetch = { fetchAll: (requests: GoogleAppsScript.URL_Fetch.URLFetchRequest[]) => requests.map(respond) } as unknown as GoogleAppsScript.URL_Fetch.UrlFetchApp;
  const clock = { now: () => now, sleep: (ms: number) => void (now += ms) };
  const shortCache = {
    get: (key: string) => cache.get(key) ?? null,
    put: (key: string, value: string, seconds: number) => {
      cache.set(key, value);
      cacheSeconds.set(key, seconds);
    },
  };
  return {
    sent,
    cache,
    cacheSeconds,
    elapsed: () => now - START,
    client: (budgetMs = 300_000) => new TrelloClient(urlFetch, { key: KEY, token: TOKEN }, clock, START + budgetMs, shortCache),
  };
}

/** Reads of cards c0…c(count - 1). */
function cardReads(count: number): TrelloRequest[] {
  return Array.from({ length: count }, (_, n) => ({ method: 'get', path: `/cards/c${n}` }));
}

const GET_CARD: TrelloRequest = { method: 'get', path: '/cards/c1' };
const CREATE_CARD: TrelloRequest = { method: 'post', path: '/cards', body: { name: 'Ada' } };

describe('retries', () => {
  it('retries a 429 until Trello takes the request, waiting longer each time', () => {
    const trello = scriptedTrello((_, attempt) => (attempt < 3 ? { status: 429, body: 'API_TOKEN_LIMIT_EXCEEDED' } : { status: 200, body: '{"id":"c1"}' }));
    expect(trello.client().request(GET_CARD)).toEqual({ id: 'c1' });
    const times = trello.sent.map((each) => each.at - START);
    expect(times).toHaveLength(3);
    // Backoff: 1 s after the first refusal, 2 s after the second.
    expect(times[1] - times[0]).toBe(1_000);
    expect(times[2] - times[1]).toBe(2_000);
  });

  it('retries a 429 of a card creation too (Trello made nothing), but never a creation that failed with a 5xx', () => {
    const limited = scriptedTrello((_, attempt) => (attempt === 1 ? { status: 429 } : { status: 200, body: '{"id":"new"}' }));
    expect(limited.client().request(CREATE_CARD)).toEqual({ id: 'new' });
    expect(limited.sent).toHaveLength(2);

    const failing = scriptedTrello(() => ({ status: 502, body: 'Bad Gateway' }));
    const [result] = failing.client().sendAll([CREATE_CARD]);
    expect(result).toEqual({ ok: false, status: 502, message: '502 Bad Gateway', retryable: true });
    expect(failing.sent).toHaveLength(1);
  });

  it('retries a read that failed with a 5xx, and gives up after five attempts instead of retrying for ever', () => {
    const trello = scriptedTrello(() => ({ status: 503, body: 'busy' }));
    const [result] = trello.client().sendAll([GET_CARD]);
    expect(result).toMatchObject({ ok: false, status: 503, retryable: true });
    expect(trello.sent).toHaveLength(5);
  });

  it('does not retry what Trello refuses for good (a 404), and tells it apart from a retryable failure', () => {
    const trello = scriptedTrello(() => ({ status: 404, body: 'The requested resource was not found.' }));
    const [result] = trello.client().sendAll([GET_CARD]);
    expect(result).toEqual({ ok: false, status: 404, message: '404 The requested resource was not found.', retryable: false });
    expect(trello.sent).toHaveLength(1);
  });

  it('answers the rest without sending them once Trello refuses the token', () => {
    const trello = scriptedTrello(() => ({ status: 401, body: 'invalid token' }));
    const requests = cardReads(25);
    const results = trello.client().sendAll(requests);
    expect(results.every((result) => !result.ok && result.status === 401)).toBe(true);
    expect(trello.sent).toHaveLength(10);
  });

  it('keeps the answers Trello gave before it refused the token', () => {
    const trello = scriptedTrello((request) => (Number(request.url.split('/c').pop()) < 10 ? { status: 200, body: '{}' } : { status: 401, body: 'invalid token' }));
    const requests = cardReads(25);
    const results = trello.client().sendAll(requests);
    expect(results.map((result) => result.status)).toEqual([...Array(10).fill(200), ...Array(15).fill(401)]);
    expect(trello.sent).toHaveLength(20);
  });

  it('does not follow a redirect (it would carry the credentials to another address)', () => {
    const trello = scriptedTrello((request) =>
      request.url.startsWith('https://elsewhere.example') ? { status: 200, body: '{"id":"elsewhere"}' } : { status: 302, headers: { Location: 'https://elsewhere.example/x' } },
    );
    const [result] = trello.client().sendAll([GET_CARD]);
    expect(result).toMatchObject({ ok: false, status: 302 });
    expect(trello.sent.map((each) => each.request.url)).toEqual(['https://api.trello.com/1/cards/c1']);
  });

  it('never puts the key or token in a URL, and sends bodies as JSON', () => {
    const trello = scriptedTrello(() => ({ status: 200, body: '{}' }));
    trello.client().sendAll([CREATE_CARD, { method: 'get', path: '/boards/b1/cards', query: { fields: 'name,idList' } }]);
    expect(trello.sent.map((each) => each.request.url)).toEqual(['https://api.trello.com/1/cards', 'https://api.trello.com/1/boards/b1/cards?fields=name%2CidList']);
    for (const { request } of trello.sent) {
      expect(request.url).not.toContain(KEY);
      expect(request.url).not.toContain(TOKEN);
      expect(request.headers).toEqual({ Authorization: `OAuth oauth_consumer_key="${KEY}", oauth_token="${TOKEN}"`, Accept: 'application/json' });
    }
    expect(trello.sent[0].request).toMatchObject({ method: 'post', contentType: 'application/json', payload: '{"name":"Ada"}' });
    expect(trello.sent[1].request.payload).toBeUndefined();
  });

  it('hands back an answer that is not JSON as its text', () => {
    const trello = scriptedTrello(() => ({ status: 200, body: 'OK' }));
    expect(trello.client().sendAll([GET_CARD])).toEqual([{ ok: true, status: 200, data: 'OK' }]);
  });
});

describe('the time budget', () => {
  it('sends nothing once the run is out of time, and says so', () => {
    const trello = scriptedTrello(() => ({ status: 429 }));
    const client = trello.client(2_000);
    const [result] = client.sendAll([GET_CARD]);
    // The first attempt goes; the retry after 1 s goes; the one after 2 more seconds would end past the budget.
    expect(trello.sent).toHaveLength(2);
    expect(result).toEqual({ ok: false, status: 0, message: 'stopped: the run is out of time', retryable: true });
    expect(client.outOfTime).toBe(true);
  });

  it('sends nothing when waiting for room in the rate window would end past the budget', () => {
    const earlier = Array.from({ length: 95 }, () => START - 4_000);
    const trello = scriptedTrello(() => ({ status: 200, body: '{}' }), { [RECENT_KEY]: JSON.stringify(earlier) });
    const client = trello.client(5_000);
    expect(client.sendAll([GET_CARD])[0]).toEqual({ ok: false, status: 0, message: 'stopped: the run is out of time', retryable: true });
    expect(trello.sent).toEqual([]);
    expect(client.outOfTime).toBe(true);
  });

  it('stops at a spent daily UrlFetch quota: nothing more is sent, and the run says why, not that it ran out of time', () => {
    const quota = 'Service invoked too many times for one day: urlfetch.';
    let fetched = 0;
    const trello = scriptedTrello(() => {
      fetched++;
      throw new Error(quota);
    });
    const client = trello.client();
    const results = client.sendAll(cardReads(3));
    expect(fetched).toBe(1);
    expect(results.every((result) => !result.ok && result.retryable && result.message === `stopped: ${quota}`)).toBe(true);
    expect(client.quotaAnswer).toBe(quota);
    expect(client.outOfTime).toBe(false);
    expect(trello.elapsed()).toBe(0); // no wait before retrying what cannot be sent today
  });

  it('answers a card creation stopped by a spent daily quota with the quota\'s answer, though it is not retried', () => {
    const quota = 'Service invoked too many times for one day: urlfetch.';
    const trello = scriptedTrello(() => {
      throw new Error(quota);
    });
    const client = trello.client();
    expect(client.sendAll([CREATE_CARD])).toEqual([{ ok: false, status: 0, message: `stopped: ${quota}`, retryable: true }]);
    expect(trello.sent).toHaveLength(1);
  });

  it('tells its listener how many requests have a final answer after each group, a retried one only once answered', () => {
    const trello = scriptedTrello((request, attempt) => (request.url.endsWith('/c1') && attempt === 1 ? { status: 429 } : { status: 200, body: '{}' }));
    const heard: number[] = [];
    trello.client().sendAll(cardReads(12), (answered) => heard.push(answered));
    // Groups of 10 and 2, then the retry of c1.
    expect(heard).toEqual([9, 11, 12]);
  });

  it('retries a network failure as any failure of a read, naming it without its address, and goes on sending', () => {
    const trello = scriptedTrello((_, attempt) => {
      if (attempt === 1) throw new Error('Address unavailable: https://api.trello.com/1/cards/c1');
      return { status: 200, body: '{"id":"c1"}' };
    });
    const client = trello.client();
    expect(client.request(GET_CARD)).toEqual({ id: 'c1' });
    expect(client.quotaAnswer).toBeUndefined();
    const down = scriptedTrello(() => {
      throw new Error('Address unavailable: https://api.trello.com/1/cards/c1');
    });
    expect(down.client().sendAll([GET_CARD])).toEqual([{ ok: false, status: 0, message: 'Trello could not be reached (Address unavailable)', retryable: true }]);
  });

  it('calls a failure to fetch that is not an Error a network failure', () => {
    const trello = scriptedTrello(() => {
      throw 'connection reset';
    });
    expect(trello.client().sendAll([GET_CARD])).toEqual([{ ok: false, status: 0, message: 'Trello could not be reached (network failure)', retryable: true }]);
  });

  it('sends as usual while the budget lasts', () => {
    const trello = scriptedTrello(() => ({ status: 200, body: '{}' }));
    const client = trello.client(1);
    expect(client.sendAll([GET_CARD])[0].ok).toBe(true);
    expect(client.outOfTime).toBe(false);
  });
});

describe('the rate window shared by executions', () => {
  it('waits for room left by the previous execution of the same token before sending', () => {
    const earlier = Array.from({ length: 95 }, () => START - 4_000);
    const trello = scriptedTrello(() => ({ status: 200, body: '{}' }), { [RECENT_KEY]: JSON.stringify(earlier) });
    trello.client().request(GET_CARD);
    expect(trello.sent[0].at - START).toBe(6_000);
  });

  it('leaves its own send times for the next execution, for at least the 10 seconds they count', () => {
    const trello = scriptedTrello(() => ({ status: 200, body: '{}' }));
    trello.client().sendAll(cardReads(12));
    expect(JSON.parse(trello.cache.get(RECENT_KEY) ?? '[]')).toEqual(Array(12).fill(START));
    expect(trello.cacheSeconds.get(RECENT_KEY)).toBeGreaterThanOrEqual(10);
  });

  it('sends nothing and leaves the shared window alone when there is nothing to send', () => {
    const trello = scriptedTrello(() => ({ status: 200, body: '{}' }));
    expect(trello.client().sendAll([])).toEqual([]);
    expect(trello.sent).toEqual([]);
    expect(trello.cache.has(RECENT_KEY)).toBe(false);
  });

  it('sends at most 95 requests in any 10 seconds, in groups of at most 10', () => {
    const trello = scriptedTrello(() => ({ status: 200, body: '{}' }));
    trello.client().sendAll(Array.from({ length: 200 }, (_, n): TrelloRequest => ({ method: 'put', path: `/cards/c${n}`, body: { pos: n } })));
    expect(trello.sent).toHaveLength(200);
    const times = trello.sent.map((each) => each.at);
    for (const time of times) expect(times.filter((other) => other >= time && other < time + 10_000).length).toBeLessThanOrEqual(95);
    expect(trello.elapsed()).toBe(20_000);
  });

  it('heeds the lowest count Trello reports in a group, and never takes one above its own count as room given back', () => {
    const remaining = ['50', '10'];
    const lowest = scriptedTrello(() => ({ status: 200, body: '{}', headers: { 'x-rate-limit-api-token-remaining': remaining.shift() ?? '100' } }));
    const client = lowest.client();
    client.sendAll([GET_CARD, GET_CARD]);
    client.sendAll(cardReads(20));
    // Trello had 10 left after the first two: 88 were spent elsewhere, so only 10 more go before the window slides.
    expect(lowest.elapsed()).toBe(10_000);

    const generous = scriptedTrello(() => ({ status: 200, body: '{}', headers: { 'x-rate-limit-api-token-remaining': '99' } }));
    const counted = generous.client();
    counted.sendAll([GET_CARD, GET_CARD]);
    counted.sendAll(cardReads(99));
    // The run counted 2 sent, Trello 1: the run keeps its own count, so the 99th of these waits for the window.
    expect(generous.elapsed()).toBe(10_000);
  });

  it('slows down when Trello reports fewer requests left than the run has counted (another execution spent them)', () => {
    const trello = scriptedTrello(() => ({ status: 200, body: '{}', headers: { 'x-rate-limit-api-token-remaining': '0' } }));
    const client = trello.client();
    client.request(GET_CARD);
    client.request(GET_CARD);
    // Trello left 0 of 100 after the first, which the run counts as 1: the window is full until it slides.
    expect(trello.sent[1].at - trello.sent[0].at).toBe(10_000);
  });
});

describe('batched reads', () => {
  it('reads 25 cards in three batches of at most 10 routes, each result in its route\'s place', () => {
    const trello = scriptedTrello((request) => {
      const urls = decodeURIComponent(request.url.split('urls=')[1]).split(',');
      return { status: 200, body: JSON.stringify(urls.map((url) => ({ 200: { url } }))) };
    });
    const routes = Array.from({ length: 25 }, (_, n) => `/cards/c${n}`);
    const results = trello.client().batchGet(routes);
    expect(trello.sent).toHaveLength(3);
    expect(trello.sent.map((each) => decodeURIComponent(each.request.url.split('urls=')[1]).split(',').length)).toEqual([10, 10, 5]);
    expect(results).toEqual(routes.map((url) => ({ ok: true, status: 200, data: { url } })));
  });

  it('sends one batch for exactly ten routes, and none for no route', () => {
    const trello = scriptedTrello((request) => ({ status: 200, body: JSON.stringify(decodeURIComponent(request.url.split('urls=')[1]).split(',').map(() => ({ 200: {} }))) }));
    expect(trello.client().batchGet(Array.from({ length: 10 }, (_, n) => `/cards/c${n}`))).toHaveLength(10);
    expect(trello.sent).toHaveLength(1);
    expect(trello.client().batchGet([])).toEqual([]);
    expect(trello.sent).toHaveLength(1);
  });

  it('tells a card that is gone from one Trello could not read now, inside one batch', () => {
    const trello = scriptedTrello(() => ({
      status: 200,
      body: JSON.stringify([{ 200: { id: 'a' } }, { 404: 'The requested resource was not found.' }, { name: 'ServerError', message: 'try later', statusCode: 500 }, null]),
    }));
    const [found, gone, busy, missing] = trello.client().batchGet(['/cards/a', '/cards/b', '/cards/c', '/cards/d']);
    expect(found).toEqual({ ok: true, status: 200, data: { id: 'a' } });
    expect(gone).toEqual({ ok: false, status: 404, message: '404 The requested resource was not found.', retryable: false });
    expect(busy).toEqual({ ok: false, status: 500, message: '500 try later', retryable: true });
    expect(missing).toMatchObject({ ok: false, status: 0, retryable: true });
  });

  it('counts every route of an answer that does not match the routes as unanswered, never as gone', () => {
    const trello = scriptedTrello(() => ({ status: 200, body: JSON.stringify([{ 200: { id: 'a' } }]) }));
    const results = trello.client().batchGet(['/cards/a', '/cards/b']);
    expect(results).toEqual([
      { ok: false, status: 0, message: 'no answer in the batch', retryable: true },
      { ok: false, status: 0, message: 'no answer in the batch', retryable: true },
    ]);
  });

  it('reads a failed route whose answer is not text, and retries only what Trello may take later', () => {
    const trello = scriptedTrello(() => ({
      status: 200,
      body: JSON.stringify([{ 404: { message: 'gone' } }, { name: 'RateLimit', statusCode: 429, message: 'slow down' }, { name: 'Unknown' }]),
    }));
    const [gone, limited, unknown] = trello.client().batchGet(['/cards/a', '/cards/b', '/cards/c']);
    expect(gone).toEqual({ ok: false, status: 404, message: '404 {"message":"gone"}', retryable: false });
    expect(limited).toMatchObject({ ok: false, status: 429, retryable: true });
    expect(unknown).toMatchObject({ ok: false, status: 0, retryable: true });
  });

  it('throws when Trello refuses the whole batch (its answer says nothing of the cards)', () => {
    const trello = scriptedTrello(() => ({ status: 401, body: 'invalid token' }));
    expect(() => trello.client().batchGet(['/cards/a'])).toThrow('401 invalid token');
  });
});

describe('failure texts', () => {
  it('are one short line: spaces and line breaks folded, at most 200 characters, and say when Trello said nothing', () => {
    const answers = [' bad\n\n   request  ', '', 'x'.repeat(300)];
    const trello = scriptedTrello((request) => ({ status: 400, body: answers[Number(request.url.slice(-1))] }));
    const results = trello.client().sendAll([0, 1, 2].map((n): TrelloRequest => ({ method: 'put', path: `/cards/c${n}`, body: {} })));
    expect(results.map((result) => (result.ok ? '' : result.message))).toEqual(['400 bad request', '400 no answer', `400 ${'x'.repeat(200)}`]);
  });

  it('come as a TrelloError with Trello\'s status from a single request', () => {
    const trello = scriptedTrello(() => ({ status: 400, body: 'invalid value for idList' }));
    expect(() => trello.client().request(CREATE_CARD)).toThrow(expect.objectContaining({ name: 'TrelloError', status: 400, message: '400 invalid value for idList' }));
    expect(() => trello.client().request(CREATE_CARD)).toThrow(TrelloError);
  });

  it('tell a refused token (401, 403) from a refused request', () => {
    expect([401, 403, 400, 404, 429].map(refusesCredentials)).toEqual([true, true, false, false, false]);
  });

  it('hide the key and token when Trello quotes them back, in single answers and inside a batch', () => {
    const echo = `bad request: OAuth oauth_consumer_key="${KEY}", oauth_token="${TOKEN}"`;
    const single = scriptedTrello(() => ({ status: 400, body: echo }));
    const [result] = single.client().sendAll([CREATE_CARD]);
    expect(result).toMatchObject({ ok: false, status: 400, message: '400 bad request: OAuth oauth_consumer_key="[hidden]", oauth_token="[hidden]"' });
    const batch = scriptedTrello(() => ({ status: 200, body: JSON.stringify([{ 400: echo }]) }));
    const [item] = batch.client().batchGet(['/cards/a']);
    expect(item).toMatchObject({ ok: false, status: 400, message: '400 bad request: OAuth oauth_consumer_key="[hidden]", oauth_token="[hidden]"' });
  });
});
