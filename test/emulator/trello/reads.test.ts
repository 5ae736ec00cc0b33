// Reads the add-on relies on: /batch, open vs all cards, board actions with since/before/limit, deleted cards.
import type { TrelloAction, TrelloCard, TrelloList } from '../../../emulator/trello';
import { createFixture } from './trello-fixture';

function boardWithCards() {
  const fixture = createFixture();
  const { emulator, workspace } = fixture;
  const memberId = workspace.member.id;
  const make = (name: string, listId = workspace.lists.TODO.id) => emulator.personCreatesCard({ memberId, listId, name });
  const [ada, bo, cy] = [make('Ada'), make('Bo'), make('Cy', workspace.lists.DONE.id)];
  emulator.personArchivesCard({ memberId, cardId: bo.id });
  return { ...fixture, memberId, ada, bo, cy };
}

describe('a card with its actions', () => {
  it('nests the card\'s own actions, newest first, filtered by type and changed field', () => {
    const { json, emulator, workspace, memberId, ada, cy } = boardWithCards();
    emulator.personMovesCard({ memberId, cardId: ada.id, listId: workspace.lists.DONE.id });
    emulator.personRenamesCard({ memberId, cardId: ada.id, name: 'Ada L.' });
    emulator.personMovesCard({ memberId, cardId: cy.id, listId: workspace.lists.TODO.id });
    const types = (filter: string) =>
      json<{ actions: TrelloAction[] }>('GET', `/cards/${ada.id}?actions=${filter}`).actions.map((a) => `${a.type}:${Object.keys((a.data as { old?: object }).old ?? {}).join()}`);
    expect(types('updateCard')).toEqual(['updateCard:name', 'updateCard:pos', 'updateCard:idList']);
    expect(types('updateCard:idList')).toEqual(['updateCard:idList']);
    expect(types('all')).toEqual(['updateCard:name', 'updateCard:pos', 'updateCard:idList', 'createCard:']);
    expect(json<TrelloCard & { actions?: unknown }>('GET', `/cards/${ada.id}`).actions).toBeUndefined();
  });
});

describe('cards of a board', () => {
  it('numbers cards 1, 2, 3… per board', () => {
    const { ada, bo, cy } = boardWithCards();
    expect([ada.idShort, bo.idShort, cy.idShort]).toEqual([1, 2, 3]);
  });

  it('GET /boards/{id}/cards returns open cards only; /cards/all and /cards/closed include archived ones', () => {
    const { json, workspace } = boardWithCards();
    const names = (path: string) => json<TrelloCard[]>('GET', path).map((c) => c.name);
    expect(names(`/boards/${workspace.board.id}/cards`)).toEqual(['Ada', 'Cy']);
    expect(names(`/boards/${workspace.board.id}/cards/all`)).toEqual(['Ada', 'Bo', 'Cy']);
    expect(names(`/boards/${workspace.board.id}/cards/closed`)).toEqual(['Bo']);
  });

  it('an archived list hides its open cards from `visible` but not from `open`', () => {
    const { json, emulator, workspace, memberId } = boardWithCards();
    emulator.personArchivesList({ memberId, listId: workspace.lists.DONE.id });
    expect(json<TrelloCard[]>('GET', `/boards/${workspace.board.id}/cards/visible`).map((c) => c.name)).toEqual(['Ada']);
    expect(json<TrelloCard[]>('GET', `/boards/${workspace.board.id}/cards/open`).map((c) => c.name)).toEqual(['Ada', 'Cy']);
    expect(json<TrelloList[]>('GET', `/boards/${workspace.board.id}/lists`).map((l) => l.name)).toEqual(['TODO', 'IN_PROGRESS']);
  });

  it('nests lists and cards in GET /boards/{id} and cards in GET /boards/{id}/lists', () => {
    const { json, workspace } = boardWithCards();
    const board = json<{ name: string; lists: TrelloList[]; cards: TrelloCard[] }>('GET', `/boards/${workspace.board.id}?lists=open&cards=open&fields=name`);
    expect([board.name, board.lists.length, board.cards.map((c) => c.name)]).toEqual(['Leads', 3, ['Ada', 'Cy']]);
    const lists = json<(TrelloList & { cards: TrelloCard[] })[]>('GET', `/boards/${workspace.board.id}/lists?cards=open&card_fields=name`);
    expect(lists.map((l) => [l.name, l.cards.map((c) => Object.keys(c).sort())])).toEqual([
      ['TODO', [['id', 'name']]],
      ['IN_PROGRESS', []],
      ['DONE', [['id', 'name']]],
    ]);
  });

  it('a deleted card is 404 on GET /cards/{id}, and gone from every list', () => {
    const { api, emulator, json, workspace, ada } = boardWithCards();
    json('DELETE', `/cards/${ada.id}`);
    const response = api('GET', `/cards/${ada.id}`);
    expect([response.status, response.body]).toEqual([404, 'The requested resource was not found.']);
    expect(emulator.card(ada.id)).toBeUndefined();
    expect(json<TrelloCard[]>('GET', `/boards/${workspace.board.id}/cards/all`).map((c) => c.name)).toEqual(['Bo', 'Cy']);
  });

  it('POST /cards answers Trello texts for a missing, malformed or unknown idList', () => {
    const { api } = createFixture();
    expect([api('POST', '/cards', { name: 'x' }).status, api('POST', '/cards', { name: 'x' }).body]).toEqual([400, 'invalid value for idList']);
    expect(api('POST', '/cards', { name: 'x', idList: 'nope' }).body).toBe('invalid value for idList');
    const unknown = api('POST', '/cards', { name: 'x', idList: 'a'.repeat(24) });
    expect([unknown.status, unknown.body]).toEqual([404, 'could not find the board that the card belongs to']);
  });
});

describe('GET /batch', () => {
  it('answers each route in order: {"200": body} on success, {name, message, statusCode} on failure', () => {
    const { json, workspace, ada } = boardWithCards();
    const urls = [`/cards/${ada.id}?fields=name,idList`, `/boards/${workspace.board.id}/lists`, `/cards/${'0'.repeat(24)}`, '/cards/nope'].join(',');
    const items = json<Record<string, unknown>[]>('GET', `/batch?urls=${encodeURIComponent(urls)}`);
    expect(items[0]).toEqual({ '200': { id: ada.id, name: 'Ada', idList: workspace.lists.TODO.id } });
    expect((items[1]['200'] as TrelloList[]).map((l) => l.name)).toEqual(['TODO', 'IN_PROGRESS', 'DONE']);
    expect(items[2]).toEqual({ name: 'NotFoundError', message: 'The requested resource was not found.', statusCode: 404 });
    expect(items[3]).toEqual({ name: 'BadRequestError', message: 'invalid id', statusCode: 400 });
  });

  it('takes at most 10 routes and only GET routes', () => {
    const { api, json } = boardWithCards();
    const eleven = Array.from({ length: 11 }, () => '/members/me').join(',');
    expect([api('GET', `/batch?urls=${eleven}`).status, api('GET', `/batch?urls=${eleven}`).body]).toEqual([400, 'invalid value for urls']);
    expect(json<unknown[]>('GET', `/batch?urls=${Array.from({ length: 10 }, () => '/members/me').join(',')}`)).toHaveLength(10);
    expect(json('GET', '/batch?urls=/batch?urls=/members/me')).toEqual([{ name: 'NotFoundError', message: 'Cannot GET /1/batch?urls=/members/me', statusCode: 404 }]);
  });
});

describe('GET /boards/{boardId}/actions', () => {
  function history() {
    const fixture = boardWithCards(); // createCard ×3, updateCard (archive)
    fixture.emulator.clock.advance(60_000);
    fixture.emulator.personRenamesCard({ memberId: fixture.memberId, cardId: fixture.ada.id, name: 'Ada L.' });
    fixture.emulator.clock.advance(60_000);
    fixture.emulator.personMovesCard({ memberId: fixture.memberId, cardId: fixture.ada.id, listId: fixture.workspace.lists.DONE.id });
    return fixture;
  }
  const path = (boardId: string, query = '') => `/boards/${boardId}/actions${query}`;

  it('lists actions newest first', () => {
    const { json, workspace, emulator } = history();
    const actions = json<TrelloAction[]>('GET', path(workspace.board.id));
    // The drag is two actions (list, then position), the rename one, the archive one.
    expect(actions.map((a) => a.type)).toEqual(['updateCard', 'updateCard', 'updateCard', 'updateCard', 'createCard', 'createCard', 'createCard']);
    expect(actions).toEqual(emulator.actionsOn(workspace.board.id));
  });

  it('since=<action id> returns only later actions; since and before take ISO dates too', () => {
    const { json, workspace } = history();
    const all = json<TrelloAction[]>('GET', path(workspace.board.id));
    const afterArchive = json<TrelloAction[]>('GET', path(workspace.board.id, `?since=${all[3].id}`));
    expect(afterArchive.map((a) => a.id)).toEqual([all[0].id, all[1].id, all[2].id]);
    expect(json<TrelloAction[]>('GET', path(workspace.board.id, `?since=${all[2].date}`)).map((a) => a.id)).toEqual([all[0].id, all[1].id]);
    expect(json<TrelloAction[]>('GET', path(workspace.board.id, `?before=${all[2].id}`))).toHaveLength(4);
  });

  it('limit defaults to 50, caps at 1000, and filter picks action types', () => {
    const { api, json, emulator, workspace, memberId, ada } = history();
    for (let i = 0; i < 60; i++) emulator.personRenamesCard({ memberId, cardId: ada.id, name: `Ada ${i}` });
    expect(json<TrelloAction[]>('GET', path(workspace.board.id))).toHaveLength(50);
    expect(json<TrelloAction[]>('GET', path(workspace.board.id, '?limit=2'))).toHaveLength(2);
    expect(json<TrelloAction[]>('GET', path(workspace.board.id, '?limit=1000'))).toHaveLength(67);
    expect(api('GET', path(workspace.board.id, '?limit=1001')).body).toBe('invalid value for limit');
    expect(json<TrelloAction[]>('GET', path(workspace.board.id, '?filter=createCard')).map((a) => a.type)).toEqual(['createCard', 'createCard', 'createCard']);
  });

  it('fields picks the action fields (id always comes), memberCreator=false leaves out who acted, an unknown field is refused', () => {
    const { api, json, workspace } = history();
    const [full] = json<TrelloAction[]>('GET', path(workspace.board.id, '?limit=1'));
    expect(Object.keys(full)).toEqual(expect.arrayContaining(['id', 'idMemberCreator', 'data', 'type', 'date', 'memberCreator']));
    const [lean] = json<TrelloAction[]>('GET', path(workspace.board.id, '?limit=1&fields=data,date,type&memberCreator=false&member=false'));
    expect(lean).toEqual({ id: full.id, data: full.data, date: full.date, type: full.type });
    const [withCreator] = json<TrelloAction[]>('GET', path(workspace.board.id, '?limit=1&fields=type'));
    expect(Object.keys(withCreator).sort()).toEqual(['id', 'memberCreator', 'type']);
    expect(api('GET', path(workspace.board.id, '?fields=colour')).body).toBe('invalid value for fields');
    expect(api('GET', path(workspace.board.id, '?memberCreator=no')).body).toBe('invalid value for memberCreator');
  });
});
