// Authentication and access: the OAuth header or key/token parameters, and Trello's 401/400/404 texts.
import { apiRequest, createFixture, oauthHeader } from './trello-fixture';

describe('credentials', () => {
  it('accepts the OAuth Authorization header and records it', () => {
    const { emulator, authorization } = createFixture();
    const response = emulator.handle(apiRequest('GET', '/members/me', { authorization }));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ username: 'alice' });
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'GET', url: 'https://api.trello.com/1/members/me', status: 200, headers: { authorization } });
  });

  it('accepts key and token query parameters, and the URL shows them', () => {
    const { emulator, workspace } = createFixture();
    const response = emulator.handle(apiRequest('GET', `/members/me?key=${workspace.key}&token=${workspace.token}`));
    expect(response.status).toBe(200);
    expect(emulator.requests.at(-1)?.url).toContain(`token=${workspace.token}`);
    expect(emulator.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('accepts key and token in a JSON body', () => {
    const { emulator, workspace } = createFixture();
    const body = { key: workspace.key, token: workspace.token, idList: workspace.lists.TODO.id, name: 'Ada' };
    expect(emulator.handle(apiRequest('POST', '/cards', {}, body)).status).toBe(200);
  });

  it.each([
    ['no credentials', {}, 'unauthorized permission requested'],
    ['a key without a token', { key: true }, 'unauthorized permission requested'],
    ['a token without a key', { token: true }, 'invalid key'],
    ['an unknown key', { key: 'f'.repeat(32), token: true }, 'invalid key'],
    ['an unknown token', { key: true, token: 'e'.repeat(64) }, 'invalid token'],
  ] as const)('answers 401 to %s', (_what, given, text) => {
    const { emulator, workspace } = createFixture();
    const params = new URLSearchParams();
    if ('key' in given) params.set('key', given.key === true ? workspace.key : given.key);
    if ('token' in given) params.set('token', given.token === true ? workspace.token : given.token);
    const response = emulator.handle(apiRequest('GET', `/boards/${workspace.board.id}?${params.toString()}`));
    expect([response.status, response.body]).toEqual([401, text]);
    expect(emulator.actionsOn(workspace.board.id)).toEqual([]);
  });

  it("rejects a token used with another app's key", () => {
    const { emulator, workspace } = createFixture();
    const otherApp = emulator.issueToken(workspace.member.id);
    const response = emulator.handle(apiRequest('GET', '/members/me', { authorization: oauthHeader(otherApp.key, workspace.token) }));
    expect([response.status, response.body]).toEqual([401, 'invalid token']);
  });
});

describe('access to models', () => {
  function withStranger() {
    const fixture = createFixture();
    const bob = fixture.emulator.addMember({ username: 'bob', fullName: 'Bob Stone' });
    const credentials = fixture.emulator.issueToken(bob.id, fixture.workspace.key);
    const asBob = (method: 'GET' | 'POST' | 'PUT', path: string, body?: object) =>
      fixture.emulator.handle(apiRequest(method, path, { authorization: oauthHeader(credentials.key, credentials.token) }, body));
    return { ...fixture, bob, asBob };
  }

  it('answers 401 to a member who is not on the board, for the board, its lists and its cards', () => {
    const { emulator, workspace, asBob } = withStranger();
    const card = emulator.personCreatesCard({ memberId: workspace.member.id, listId: workspace.lists.TODO.id, name: 'Ada' });
    for (const response of [
      asBob('GET', `/boards/${workspace.board.id}`),
      asBob('GET', `/boards/${workspace.board.id}/cards`),
      asBob('GET', `/cards/${card.id}`),
      asBob('PUT', `/cards/${card.id}`, { name: 'hijacked' }),
      asBob('POST', '/cards', { idList: workspace.lists.TODO.id, name: 'spam' }),
    ]) {
      expect([response.status, response.body]).toEqual([401, 'unauthorized permission requested']);
    }
    expect(emulator.card(card.id)?.name).toBe('Ada');
    expect(emulator.cardsOn(workspace.board.id)).toHaveLength(1);
  });

  it('lets the member in once added to the board', () => {
    const { emulator, workspace, bob, asBob } = withStranger();
    emulator.addBoardMember({ boardId: workspace.board.id, memberId: bob.id });
    expect(asBob('GET', `/boards/${workspace.board.id}/lists`).status).toBe(200);
  });

  it('answers 400 "invalid id" to a malformed id and 404 to an unknown one', () => {
    const { api } = createFixture();
    expect([api('GET', '/boards/not-an-id').status, api('GET', '/boards/not-an-id').body]).toEqual([400, 'invalid id']);
    const unknown = api('GET', `/cards/${'0'.repeat(24)}`);
    expect([unknown.status, unknown.body]).toEqual([404, 'The requested resource was not found.']);
  });

  it('answers 404 "Cannot <METHOD> <path>" to a route that does not exist, like Express', () => {
    const { api } = createFixture();
    const response = api('GET', '/cards/');
    expect([response.status, response.body]).toEqual([404, 'Cannot GET /1/cards/']);
    expect(api('PATCH', '/members/me').body).toBe('Cannot PATCH /1/members/me');
  });

  it('answers only for api.trello.com and loopback hosts', () => {
    const { emulator, authorization } = createFixture();
    const at = (url: string) => emulator.handle({ method: 'GET', url, headers: { authorization }, body: '' }).status;
    expect([at('http://127.0.0.1:8123/1/members/me'), at('https://api.trello.com/1/members/me'), at('https://trello.example.com/1/members/me')]).toEqual([200, 200, 404]);
  });
});
