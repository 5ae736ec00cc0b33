// Labels, members and due dates on cards: routes, Trello's checks and error texts, and the actions each change records.
import type { TrelloAction, TrelloCard, TrelloLabel } from '../../../emulator/trello';
import { createFixture } from './trello-fixture';

/** A board with one card, a second board member (bob) and an account that is not on the board (eve). */
function scene() {
  const fixture = createFixture();
  const { emulator, workspace } = fixture;
  const memberId = workspace.member.id;
  const card = emulator.personCreatesCard({ memberId, listId: workspace.lists.TODO.id, name: 'Ada' });
  const bob = emulator.addMember({ username: 'bob', fullName: 'Bob Builder' });
  emulator.addBoardMember({ boardId: workspace.board.id, memberId: bob.id });
  const eve = emulator.addMember({ username: 'eve', fullName: 'Eve Outsider' });
  const [green, yellow] = emulator.labelsOn(workspace.board.id);
  const newest = () => emulator.actionsOn(workspace.board.id)[0];
  const body = (response: { status: number; body: string }) => [response.status, response.body];
  return { ...fixture, memberId, card, bob, eve, green, yellow, newest, body };
}

describe('board labels', () => {
  it('a new board has one unnamed label in each of the first six colours', () => {
    const { json, workspace } = scene();
    const labels = json<TrelloLabel[]>('GET', `/boards/${workspace.board.id}/labels`);
    expect(labels.map((l) => [l.name, l.color])).toEqual(['green', 'yellow', 'orange', 'red', 'purple', 'blue'].map((c) => ['', c]));
    expect(labels.every((l) => l.idBoard === workspace.board.id)).toBe(true);
  });

  it('creates, renames, recolours and lists labels; `fields` and `labels=all` on the board read them', () => {
    const { json, workspace } = scene();
    const hot = json<TrelloLabel>('POST', `/boards/${workspace.board.id}/labels`, { name: 'Hot', color: 'red' });
    expect(hot).toEqual({ id: hot.id, idBoard: workspace.board.id, name: 'Hot', color: 'red' });
    expect(json<TrelloLabel>('PUT', `/labels/${hot.id}`, { name: 'Warm', color: 'null' })).toMatchObject({ name: 'Warm', color: null });
    expect(json<TrelloLabel[]>('GET', `/boards/${workspace.board.id}/labels?fields=name&limit=7`).at(-1)).toEqual({ id: hot.id, name: 'Warm' });
    expect(json<{ labels: TrelloLabel[] }>('GET', `/boards/${workspace.board.id}?labels=all`).labels.at(-1)).toMatchObject({ id: hot.id, name: 'Warm' });
  });

  it('refuses a colour Trello does not have, and a missing name', () => {
    const { api, workspace, body } = scene();
    expect(body(api('POST', `/boards/${workspace.board.id}/labels`, { name: 'Hot', color: 'magenta' }))).toEqual([400, 'invalid value for color']);
    expect(body(api('POST', `/boards/${workspace.board.id}/labels`, { color: 'red' }))).toEqual([400, 'invalid value for name']);
    expect(body(api('POST', `/boards/${workspace.board.id}/labels`, { name: 'Hot' }))).toEqual([400, 'invalid value for color']);
  });
});

describe('labels on a card', () => {
  it('POST /cards/{id}/idLabels adds a label, answers the card\'s label ids and records addLabelToCard', () => {
    const { json, card, green, yellow, newest, workspace } = scene();
    expect(json('POST', `/cards/${card.id}/idLabels`, { value: green.id })).toEqual([green.id]);
    expect(json('POST', `/cards/${card.id}/idLabels?value=${yellow.id}`)).toEqual([green.id, yellow.id]);
    const read = json<TrelloCard>('GET', `/cards/${card.id}`);
    expect(read.idLabels).toEqual([green.id, yellow.id]);
    expect(read.labels).toEqual([
      { id: green.id, idBoard: workspace.board.id, name: '', color: 'green' },
      { id: yellow.id, idBoard: workspace.board.id, name: '', color: 'yellow' },
    ]);
    const action = newest();
    expect(action.type).toBe('addLabelToCard');
    expect(action.data).toEqual({
      board: { shortLink: workspace.board.shortLink, name: workspace.board.name, id: workspace.board.id },
      card: { shortLink: card.shortLink, idShort: card.idShort, name: 'Ada', id: card.id },
      label: { id: yellow.id, name: '', color: 'yellow' },
    });
  });

  it('refuses a label already on the card, and one of another board, without a change', () => {
    const { api, emulator, card, green, memberId, body, workspace } = scene();
    api('POST', `/cards/${card.id}/idLabels`, { value: green.id });
    expect(body(api('POST', `/cards/${card.id}/idLabels`, { value: green.id }))).toEqual([400, 'that label is already on the card']);
    const other = emulator.createBoard({ name: 'Other', memberId });
    const foreign = emulator.labelsOn(other.id)[0];
    expect(body(api('POST', `/cards/${card.id}/idLabels`, { value: foreign.id }))).toEqual([400, 'invalid value for value']);
    expect(body(api('PUT', `/cards/${card.id}`, { idLabels: foreign.id, name: 'Ada L.' }))).toEqual([400, 'invalid value for idLabels']);
    expect(emulator.card(card.id)?.name).toBe('Ada');
    expect(emulator.card(card.id)?.idLabels).toEqual([green.id]);
    expect(emulator.actionsOn(workspace.board.id).filter((a) => a.type === 'addLabelToCard')).toHaveLength(1);
  });

  it('POST /cards/{id}/labels creates a label on the board and puts it on the card', () => {
    const { json, api, card, newest, workspace, emulator } = scene();
    const label = json<TrelloLabel>('POST', `/cards/${card.id}/labels`, { name: 'Hot', color: 'red' });
    expect(label).toEqual({ id: label.id, idBoard: workspace.board.id, name: 'Hot', color: 'red' });
    expect(emulator.card(card.id)?.idLabels).toEqual([label.id]);
    expect(newest()).toMatchObject({ type: 'addLabelToCard', data: { label: { id: label.id, name: 'Hot', color: 'red' } } });
    expect(api('POST', `/cards/${card.id}/labels`, { name: 'Cold' }).body).toBe('invalid value for color');
  });

  it('DELETE /cards/{id}/idLabels/{idLabel} removes it and records removeLabelFromCard; a label not on the card is refused', () => {
    const { api, json, card, green, yellow, newest, body } = scene();
    json('POST', `/cards/${card.id}/idLabels`, { value: green.id });
    expect(json('DELETE', `/cards/${card.id}/idLabels/${green.id}`)).toEqual([]);
    expect(newest()).toMatchObject({ type: 'removeLabelFromCard', data: { label: { id: green.id }, card: { id: card.id } } });
    expect(body(api('DELETE', `/cards/${card.id}/idLabels/${yellow.id}`))).toEqual([400, 'invalid value for idLabel']);
  });

  it('PUT idLabels sets the whole set: one action per label removed, then per label added', () => {
    const { json, card, green, yellow, emulator, workspace } = scene();
    json('PUT', `/cards/${card.id}`, { idLabels: green.id });
    json('PUT', `/cards/${card.id}`, { idLabels: [yellow.id] });
    const [added, removed] = emulator.actionsOn(workspace.board.id);
    expect([removed.type, (removed.data.label as TrelloLabel).id]).toEqual(['removeLabelFromCard', green.id]);
    expect([added.type, (added.data.label as TrelloLabel).id]).toEqual(['addLabelToCard', yellow.id]);
    json('PUT', `/cards/${card.id}`, { idLabels: '' });
    expect(emulator.card(card.id)?.labels).toEqual([]);
  });

  it('a renamed label shows on its cards; a deleted label leaves them without a card action', () => {
    const { json, card, green, emulator, workspace } = scene();
    json('POST', `/cards/${card.id}/idLabels`, { value: green.id });
    json('PUT', `/labels/${green.id}`, { name: 'Won' });
    expect(emulator.card(card.id)?.labels).toMatchObject([{ id: green.id, name: 'Won' }]);
    const actions = emulator.actionsOn(workspace.board.id).length;
    json('DELETE', `/labels/${green.id}`);
    expect(emulator.card(card.id)).toMatchObject({ idLabels: [], labels: [] });
    expect(emulator.labelsOn(workspace.board.id).map((l) => l.id)).not.toContain(green.id);
    expect(emulator.actionsOn(workspace.board.id)).toHaveLength(actions);
  });
});

describe('members on a card', () => {
  it('GET /boards/{id}/members lists id, full name and username only (never an email)', () => {
    const { json, workspace, bob } = scene();
    expect(json('GET', `/boards/${workspace.board.id}/members`)).toEqual([
      { id: workspace.member.id, fullName: 'alice', username: 'alice' },
      { id: bob.id, fullName: 'Bob Builder', username: 'bob' },
    ]);
  });

  it('POST /cards/{id}/idMembers adds a board member, answers the card\'s members and records addMemberToCard', () => {
    const { json, card, bob, newest } = scene();
    const members = json<{ id: string; username: string }[]>('POST', `/cards/${card.id}/idMembers`, { value: bob.id });
    expect(members.map((m) => [m.id, m.username])).toEqual([[bob.id, 'bob']]);
    expect(json<TrelloCard>('GET', `/cards/${card.id}`).idMembers).toEqual([bob.id]);
    expect(newest()).toMatchObject({ type: 'addMemberToCard', data: { idMember: bob.id, member: { id: bob.id, name: 'Bob Builder' }, card: { id: card.id } } });
    expect(Object.keys(newest().data).sort()).toEqual(['board', 'card', 'idMember', 'member']);
  });

  it('refuses someone who is not on the board (Trello\'s "Invalid objectId") and a member already on the card', () => {
    const { api, card, bob, eve, emulator, body } = scene();
    const refused = api('POST', `/cards/${card.id}/idMembers`, { value: eve.id });
    expect([refused.status, JSON.parse(refused.body)]).toEqual([400, { message: 'Invalid objectId', error: 'ERROR' }]);
    expect(api('PUT', `/cards/${card.id}`, { idMembers: `${bob.id},${eve.id}` }).status).toBe(400);
    expect(emulator.card(card.id)?.idMembers).toEqual([]);
    api('POST', `/cards/${card.id}/idMembers`, { value: bob.id });
    expect(body(api('POST', `/cards/${card.id}/idMembers`, { value: bob.id }))).toEqual([400, 'member is already on the card']);
  });

  it('DELETE /cards/{id}/idMembers/{idMember} and PUT idMembers record removeMemberFromCard and addMemberToCard', () => {
    const { json, card, bob, memberId, emulator, workspace } = scene();
    json('PUT', `/cards/${card.id}`, { idMembers: `${bob.id},${memberId}` });
    expect(emulator.card(card.id)?.idMembers).toEqual([bob.id, memberId]);
    expect(json('DELETE', `/cards/${card.id}/idMembers/${bob.id}`)).toMatchObject([{ id: memberId }]);
    const types = emulator.actionsOn(workspace.board.id).slice(0, 3).map((a) => `${a.type}:${String(a.data.idMember)}`);
    expect(types).toEqual([`removeMemberFromCard:${bob.id}`, `addMemberToCard:${memberId}`, `addMemberToCard:${bob.id}`]);
  });

  it('a member taken off the board leaves its cards', () => {
    const { json, card, bob, memberId, emulator, workspace } = scene();
    json('POST', `/cards/${card.id}/idMembers`, { value: bob.id });
    emulator.personRemovesBoardMember({ memberId, boardId: workspace.board.id, idMember: bob.id });
    expect(emulator.card(card.id)?.idMembers).toEqual([]);
    expect(emulator.membersOn(workspace.board.id).map((m) => m.username)).toEqual(['alice']);
  });
});

describe('due and start dates', () => {
  it('PUT due sets an ISO date (also on the badges) and records updateCard with old.due; null clears it', () => {
    const { json, card, newest } = scene();
    const set = json<TrelloCard>('PUT', `/cards/${card.id}`, { due: '2026-03-01T09:00:00Z' });
    expect([set.due, (set.badges as { due: unknown }).due]).toEqual(['2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z']);
    expect(newest().data).toMatchObject({ card: { id: card.id, due: '2026-03-01T09:00:00.000Z' }, old: { due: null } });
    expect(json<TrelloCard>('PUT', `/cards/${card.id}`, { due: null }).due).toBeNull();
    expect(newest().data).toMatchObject({ card: { due: null }, old: { due: '2026-03-01T09:00:00.000Z' } });
    expect(Object.keys(newest().data).sort()).toEqual(['board', 'card', 'list', 'old']);
  });

  it('dueComplete and start are their own updateCard actions, found by the card\'s `updateCard:due` filter too', () => {
    const { json, card, emulator, workspace } = scene();
    json('PUT', `/cards/${card.id}`, { due: '2026-03-01', start: '2026-02-01', dueComplete: true });
    const olds = emulator.actionsOn(workspace.board.id).slice(0, 3).map((a) => a.data.old);
    expect(olds).toEqual([{ dueComplete: false }, { due: null }, { start: null }]);
    const nested = json<{ actions: TrelloAction[] }>('GET', `/cards/${card.id}?actions=updateCard:due,updateCard:dueComplete`).actions;
    expect(nested.map((a) => Object.keys(a.data.old as object)[0])).toEqual(['dueComplete', 'due']);
  });

  it('refuses a date Trello cannot read', () => {
    const { api, card, body } = scene();
    expect(body(api('PUT', `/cards/${card.id}`, { due: 'next tuesday' }))).toEqual([400, 'invalid value for due']);
    expect(body(api('PUT', `/cards/${card.id}`, { dueComplete: 'yes' }))).toEqual([400, 'invalid value for dueComplete']);
  });

  it('POST /cards sets labels, members and dates with the one createCard action', () => {
    const { json, workspace, green, bob, emulator } = scene();
    const created = json<TrelloCard>('POST', '/cards', { idList: workspace.lists.TODO.id, name: 'Bo', idLabels: green.id, idMembers: bob.id, due: '2026-04-01T00:00:00.000Z' });
    expect(created).toMatchObject({ idLabels: [green.id], idMembers: [bob.id], due: '2026-04-01T00:00:00.000Z' });
    expect(emulator.actionsOn(workspace.board.id)[0].type).toBe('createCard');
  });

  it('a person setting a due date records what the API records', () => {
    const { emulator, card, memberId, newest } = scene();
    emulator.personSetsDue({ memberId, cardId: card.id, due: '2026-05-01T10:00:00.000Z' });
    expect(newest().data).toMatchObject({ card: { due: '2026-05-01T10:00:00.000Z' }, old: { due: null } });
    emulator.personMarksDueComplete({ memberId, cardId: card.id, dueComplete: true });
    expect(newest().data.old).toEqual({ dueComplete: false });
  });
});

describe('webhook deliveries', () => {
  it('a label, member or due change on a watched board is delivered', () => {
    const fixture = scene();
    const { json, card, green, bob, emulator, workspace } = fixture;
    emulator.setWebhookTransport(() => ({ status: 200, headers: {}, body: '' }));
    json('POST', '/webhooks', { callbackURL: 'https://hooks.example.com/t', idModel: workspace.board.id });
    json('POST', `/cards/${card.id}/idLabels`, { value: green.id });
    json('POST', `/cards/${card.id}/idMembers`, { value: bob.id });
    json('PUT', `/cards/${card.id}`, { due: '2026-03-01' });
    const types = emulator.takeDeliveries().map((request) => (JSON.parse(request.body) as { action: TrelloAction }).action.type);
    expect(types).toEqual(['addLabelToCard', 'addMemberToCard', 'updateCard']);
  });
});
