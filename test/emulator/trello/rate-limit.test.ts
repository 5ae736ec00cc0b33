// Rate limits on the emulator clock: 100 requests per 10 s per token, 300 per 10 s per key, sliding.
import { apiRequest, createFixture, oauthHeader } from './trello-fixture';

describe('rate limits', () => {
  it('lets 100 requests of a token through in 10 s, answers the 101st with API_TOKEN_LIMIT_EXCEEDED, and recovers', () => {
    const { api, emulator } = createFixture();
    for (let i = 0; i < 100; i++) expect(api('GET', '/members/me').status).toBe(200);
    const limited = api('GET', '/members/me');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(limited.body)).toEqual({ error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' });
    emulator.clock.advance(10_000);
    expect(api('GET', '/members/me').status).toBe(200);
  });

  it('counts a sliding window, not fixed buckets', () => {
    const { api, emulator } = createFixture();
    for (let i = 0; i < 60; i++) api('GET', '/members/me');
    emulator.clock.advance(6_000);
    for (let i = 0; i < 40; i++) expect(api('GET', '/members/me').status).toBe(200);
    emulator.clock.advance(4_001); // the first 60 have left the window, the last 40 have not
    for (let i = 0; i < 60; i++) expect(api('GET', '/members/me').status).toBe(200);
    expect(api('GET', '/members/me').status).toBe(429);
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
});
