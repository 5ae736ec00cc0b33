// Rate limits on the emulator clock: 100 requests per 10 s per token, 300 per 10 s per key, sliding; /1/members 100 per
// 900 s; every URL of a /1/batch counts; the x-rate-limit-* headers.
import { apiRequest, createFixture, oauthHeader } from './trello-fixture';

/** A read that is not under /1/members (those have a limit of their own). */
const boardRead = (fixture: ReturnType<typeof createFixture>) => () => fixture.api('GET', `/boards/${fixture.workspace.board.id}`);

describe('rate limits', () => {
  it('lets 100 requests of a token through in 10 s, answers the 101st with API_TOKEN_LIMIT_EXCEEDED, and recovers', () => {
    const fixture = createFixture();
    const { emulator } = fixture;
    const read = boardRead(fixture);
    for (let i = 0; i < 100; i++) expect(read().status).toBe(200);
    const limited = read();
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(limited.body)).toEqual({ error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' });
    emulator.clock.advance(10_000);
    expect(read().status).toBe(200);
  });

  it('counts a sliding window, not fixed buckets', () => {
    const fixture = createFixture();
    const read = boardRead(fixture);
    for (let i = 0; i < 60; i++) read();
    fixture.emulator.clock.advance(6_000);
    for (let i = 0; i < 40; i++) expect(read().status).toBe(200);
    fixture.emulator.clock.advance(4_001); // the first 60 have left the window, the last 40 have not
    for (let i = 0; i < 60; i++) expect(read().status).toBe(200);
    expect(read().status).toBe(429);
  });

  it('a refused request changes nothing', () => {
    const { api, emulator, workspace } = createFixture();
    for (let i = 0; i < 100; i++) api('GET', '/members/me');
    expect(api('POST', '/cards', { idList: workspace.lists.TODO.id, name: 'Ada' }).status).toBe(429);
    expect(emulator.cardsOn(workspace.board.id, 'all')).toEqual([]);
  });

  it('limits an API key to 300 requests per 10 s over all its tokens', () => {
    const { emulator, workspace } = createFixture();
    const tokens = [workspace.token, ...[1, 2, 3].map(() => emulator.issueToken(workspace.member.id, workspace.key).token)];
    const call = (token: string) => emulator.handle(apiRequest('GET', '/members/me', { authorization: oauthHeader(workspace.key, token) }));
    for (let i = 0; i < 300; i++) expect(call(tokens[i % 3]).status).toBe(200);
    const limited = call(tokens[3]);
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body)).toEqual({ error: 'API_KEY_LIMIT_EXCEEDED', message: 'Rate limit exceeded' });
  });

  it('answers every request with the x-rate-limit-* headers of the token and the key', () => {
    const fixture = createFixture();
    const first = boardRead(fixture)();
    expect(first.headers).toMatchObject({
      'x-rate-limit-api-token-interval-ms': '10000',
      'x-rate-limit-api-token-max': '100',
      'x-rate-limit-api-token-remaining': '99',
      'x-rate-limit-api-key-interval-ms': '10000',
      'x-rate-limit-api-key-max': '300',
      'x-rate-limit-api-key-remaining': '299',
    });
    expect(first.headers['x-rate-limit-member-max']).toBeUndefined();
    expect(boardRead(fixture)().headers['x-rate-limit-api-token-remaining']).toBe('98');
    expect(fixture.api('GET', '/members/me').headers).toMatchObject({ 'x-rate-limit-member-interval-ms': '900000', 'x-rate-limit-member-max': '100', 'x-rate-limit-member-remaining': '99' });
  });

  it('limits /1/members to 100 requests per 900 s, whatever the 10 s windows say', () => {
    const { api, emulator, workspace } = createFixture();
    for (let i = 0; i < 100; i++) {
      expect(api('GET', '/members/me').status).toBe(200);
      emulator.clock.advance(1_000);
    }
    const limited = api('GET', '/members/me');
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body)).toEqual({ error: 'API_MEMBER_LIMIT_EXCEEDED', message: 'Rate limit exceeded' });
    expect(api('GET', `/boards/${workspace.board.id}`).status).toBe(200); // other routes still go
    emulator.clock.advance(800_000);
    expect(api('GET', '/members/me').status).toBe(200);
  });

  it('counts every URL of a /1/batch against the token, and each /members URL in it against that limit', () => {
    const fixture = createFixture();
    const board = `/boards/${fixture.workspace.board.id}`;
    const batch = (urls: string[]) => fixture.api('GET', `/batch?urls=${encodeURIComponent(urls.join(','))}`);
    const answered = batch([board, `${board}/cards`, `${board}/lists`, '/members/me']);
    expect(answered.status).toBe(200);
    expect(answered.headers['x-rate-limit-api-token-remaining']).toBe('96');
    expect(answered.headers['x-rate-limit-member-remaining']).toBe('99');
    for (let i = 0; i < 9; i++) expect(batch(Array(10).fill(board)).status).toBe(200);
    expect(batch(Array(7).fill(board)).status).toBe(429); // 4 + 90 + 7 > 100: the whole batch is refused
    expect(batch(Array(6).fill(board)).status).toBe(200); // 4 + 90 + 6 = 100
  });

  it('counts a /1/batch once when told to (the kinder reading)', () => {
    const fixture = createFixture({ batchCounting: 'once' });
    const board = `/boards/${fixture.workspace.board.id}`;
    const answered = fixture.api('GET', `/batch?urls=${encodeURIComponent([board, `${board}/cards`, `${board}/lists`].join(','))}`);
    expect(answered.headers['x-rate-limit-api-token-remaining']).toBe('99');
  });
});
