// Token scopes: read-only tokens read but never write, expired tokens do nothing, and GET /tokens/{token} tells which.
import { apiRequest, createFixture, oauthHeader } from './trello-fixture';

type Token = { id: string; dateExpires: string | null; permissions: { idModel: string; modelType: string; read: boolean; write: boolean }[] };

describe('token scopes', () => {
  it('lets a read-only token read, and refuses its writes with 401 and no effect', () => {
    const { emulator, workspace } = createFixture();
    const readOnly = emulator.issueToken(workspace.member.id, workspace.key, { write: false });
    const authorization = oauthHeader(readOnly.key, readOnly.token);
    expect(emulator.handle(apiRequest('GET', `/boards/${workspace.board.id}/cards`, { authorization })).status).toBe(200);
    const created = emulator.handle(apiRequest('POST', '/cards', { authorization }, { idList: workspace.lists.TODO.id, name: 'Ada' }));
    expect([created.status, created.body]).toEqual([401, 'unauthorized permission requested']);
    expect(emulator.cardsOn(workspace.board.id, 'all')).toEqual([]);
    expect(emulator.actionsOn(workspace.board.id)).toEqual([]);
  });

  it('answers 401 expired token once a token is past its dateExpires, for reads and writes', () => {
    const { emulator, workspace } = createFixture();
    const expiring = emulator.issueToken(workspace.member.id, workspace.key, { expiresAt: emulator.clock.now() + 60_000 });
    const authorization = oauthHeader(expiring.key, expiring.token);
    expect(emulator.handle(apiRequest('GET', '/members/me', { authorization })).status).toBe(200);
    emulator.clock.advance(60_000);
    const read = emulator.handle(apiRequest('GET', '/members/me', { authorization }));
    expect([read.status, read.body]).toEqual([401, 'expired token']);
    const write = emulator.handle(apiRequest('POST', '/cards', { authorization }, { idList: workspace.lists.TODO.id, name: 'Ada' }));
    expect([write.status, write.body]).toEqual([401, 'expired token']);
    expect(emulator.cardsOn(workspace.board.id, 'all')).toEqual([]);
  });

  it('reports permissions and dateExpires on GET /tokens/{token} and in the member token list', () => {
    const { emulator, workspace, json } = createFixture();
    const expiresAt = emulator.clock.now() + 3_600_000;
    const readOnly = emulator.issueToken(workspace.member.id, workspace.key, { write: false, expiresAt });
    const own = json<Token>('GET', `/tokens/${workspace.token}`);
    expect(own.dateExpires).toBeNull();
    expect(own.permissions.every((permission) => permission.read && permission.write)).toBe(true);
    const response = emulator.handle(apiRequest('GET', `/tokens/${readOnly.token}`, { authorization: oauthHeader(readOnly.key, readOnly.token) }));
    const limited = JSON.parse(response.body) as Token;
    expect(limited.dateExpires).toBe(new Date(expiresAt).toISOString());
    expect(limited.permissions).toContainEqual({ idModel: '*', modelType: 'Board', read: true, write: false });
    expect(json<Token[]>('GET', '/members/me/tokens').map((token) => token.id)).toEqual([own.id, limited.id]);
  });

  it("refuses to show another token's record", () => {
    const { emulator, workspace, api } = createFixture();
    const other = emulator.issueToken(workspace.member.id, workspace.key);
    expect([api('GET', `/tokens/${other.token}`).status, api('GET', `/tokens/${other.token}`).body]).toEqual([401, 'unauthorized permission requested']);
  });

  it('seeds a workspace whose token is read-only', () => {
    const { emulator } = createFixture();
    const workspace = emulator.seedWorkspace({ username: 'bob', token: { write: false } });
    const authorization = oauthHeader(workspace.key, workspace.token);
    expect(emulator.handle(apiRequest('POST', '/cards', { authorization }, { idList: workspace.lists.TODO.id, name: 'Ada' })).status).toBe(401);
  });

  it('revokes a token: it stops working and its webhooks are gone', () => {
    const { emulator, workspace, api } = createFixture();
    emulator.setWebhookTransport(() => ({ status: 200, headers: {}, body: '' }));
    expect(api('POST', '/webhooks', { callbackURL: 'https://example.com/hook', idModel: workspace.board.id }).status).toBe(200);
    emulator.revokeToken(workspace.token);
    expect([api('GET', '/members/me').status, api('GET', '/members/me').body]).toEqual([401, 'invalid token']);
    const other = emulator.issueToken(workspace.member.id, workspace.key);
    const hooks = emulator.handle(apiRequest('GET', '/members/me/tokens?webhooks=true', { authorization: oauthHeader(other.key, other.token) }));
    expect((JSON.parse(hooks.body) as { webhooks: unknown[] }[]).flatMap((token) => token.webhooks)).toEqual([]);
  });
});
