// Recorded actions against the real webhook actions in test/fixtures/trello-webhook-actions: same keys, level by level.
import { readdirSync, readFileSync } from 'node:fs';
import type { TrelloAction } from '../../../emulator/trello';
import { FIXTURES_DIR } from '../../fixtures/fixtures-dir';
import { createFixture } from './trello-fixture';

const ACTIONS_DIR = `${FIXTURES_DIR}/trello-webhook-actions`;

/** Every key path of a JSON object (`data.card.id`, …), objects recursed, arrays and scalars as leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}${key}`, ...keyPaths(child, `${prefix}${key}.`)]);
}

/** A board with a card, a second board (for moves between boards), and the person who acts. */
function scene() {
  const fixture = createFixture();
  const { emulator, workspace } = fixture;
  const memberId = workspace.member.id;
  const other = emulator.createBoard({ name: 'Support', memberId });
  const otherList = emulator.createList({ boardId: other.id, name: 'Inbox' });
  const card = emulator.personCreatesCard({ memberId, listId: workspace.lists.TODO.id, name: 'Ada Lovelace', desc: 'first' });
  return { fixture, emulator, workspace, memberId, other, otherList, card };
}
type Scene = ReturnType<typeof scene>;

/**
 * How the emulator produces each reference action: by a person on the board, and (where the add-on can) by the API;
 * `on` names the board whose newest action it is (default: the workspace board); `personActions` how many actions the
 * person's gesture records (the reference is the first of them).
 */
interface Producer {
  person: (s: Scene) => void;
  api?: (s: Scene) => void;
  on?: 'other';
  personActions?: number;
}

const producers: Record<string, Producer> = {
  'card-create.json': {
    person: () => undefined, // the scene's card was created by a person
    api: (s) => s.fixture.json('POST', '/cards', { idList: s.workspace.lists.TODO.id, name: 'Bo' }),
  },
  'card-list.json': {
    person: (s) => s.emulator.personMovesCard({ memberId: s.memberId, cardId: s.card.id, listId: s.workspace.lists.DONE.id }),
    api: (s) => s.fixture.json('PUT', `/cards/${s.card.id}`, { idList: s.workspace.lists.IN_PROGRESS.id }),
    personActions: 2,
  },
  'card-name.json': {
    person: (s) => s.emulator.personRenamesCard({ memberId: s.memberId, cardId: s.card.id, name: 'Ada King' }),
    api: (s) => s.fixture.json('PUT', `/cards/${s.card.id}`, { name: 'Countess' }),
  },
  'card-desc.json': {
    person: (s) => s.emulator.personEditsDescription({ memberId: s.memberId, cardId: s.card.id, desc: 'second' }),
    api: (s) => s.fixture.json('PUT', `/cards/${s.card.id}`, { desc: 'third' }),
  },
  'card-archive.json': {
    person: (s) => s.emulator.personArchivesCard({ memberId: s.memberId, cardId: s.card.id }),
    api: (s) => s.fixture.json('PUT', `/cards/${s.card.id}`, { closed: true }),
  },
  'card-delete.json': {
    person: (s) => s.emulator.personDeletesCard({ memberId: s.memberId, cardId: s.card.id }),
    api: (s) => s.fixture.json('DELETE', `/cards/${s.card.id}`),
  },
  'card-movetoboard.json': {
    person: (s) => s.emulator.personMovesCardToBoard({ memberId: s.memberId, cardId: s.card.id, boardId: s.other.id, listId: s.otherList.id }),
    api: (s) => s.fixture.json('PUT', `/cards/${s.card.id}`, { idBoard: s.other.id, idList: s.otherList.id }),
    on: 'other',
  },
  'card-movefromboard.json': {
    person: (s) => s.emulator.personMovesCardToBoard({ memberId: s.memberId, cardId: s.card.id, boardId: s.other.id, listId: s.otherList.id }),
    api: (s) => s.fixture.json('PUT', `/cards/${s.card.id}`, { idList: s.otherList.id }),
  },
  'list-create.json': {
    person: (s) => s.emulator.personCreatesList({ memberId: s.memberId, boardId: s.workspace.board.id, name: 'LOST' }),
    api: (s) => s.fixture.json('POST', '/lists', { idBoard: s.workspace.board.id, name: 'LOST' }),
  },
  'list-name.json': {
    person: (s) => s.emulator.personRenamesList({ memberId: s.memberId, listId: s.workspace.lists.DONE.id, name: 'Done' }),
    api: (s) => s.fixture.json('PUT', `/lists/${s.workspace.lists.DONE.id}`, { name: 'Finished' }),
  },
  'list-archive.json': {
    person: (s) => s.emulator.personArchivesList({ memberId: s.memberId, listId: s.workspace.lists.DONE.id }),
    api: (s) => s.fixture.json('PUT', `/lists/${s.workspace.lists.DONE.id}`, { closed: true }),
  },
};

/** Reference actions of things nobody does through the emulator (comments are not part of the sync). */
const NOT_PRODUCED = ['comment-add.json'];

const references = readdirSync(ACTIONS_DIR).filter((name) => name.endsWith('.json'));
const cases = Object.entries(producers).flatMap(([name, producer]) => {
  const recent = (s: Scene, age: number) => s.emulator.actionsOn(producer.on === 'other' ? s.other.id : s.workspace.board.id)[age];
  const by = (act: (s: Scene) => void, actions = 1) => (s: Scene) => {
    act(s);
    return recent(s, actions - 1);
  };
  const viaApi = producer.api ? [[name, 'the API', by(producer.api)] as const] : [];
  return [[name, 'a person', by(producer.person, producer.personActions)] as const, ...viaApi];
});

it('every reference action is either produced or knowingly left out', () => {
  expect(references.filter((name) => !NOT_PRODUCED.includes(name)).sort()).toEqual(Object.keys(producers).sort());
});

it.each(cases)('%s made by %s has the reference keys at every level', (name, _who, produce) => {
  const reference = JSON.parse(readFileSync(`${ACTIONS_DIR}/${name}`, 'utf8')) as TrelloAction;
  const s = scene();
  const action = produce(s);
  expect(action.type).toBe(reference.type);
  expect(Object.keys(action).sort()).toEqual(Object.keys(reference).sort());
  expect(keyPaths(action.data).sort()).toEqual(keyPaths(reference.data).sort());
  expect(keyPaths(action.memberCreator).sort()).toEqual(keyPaths(reference.memberCreator).sort());
  expect(action.date).toBe(new Date(s.emulator.clock.now()).toISOString());
  expect(action.idMemberCreator).toBe(s.workspace.member.id);
  for (const path of keyPaths(reference.data)) {
    const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
    const at = (root: unknown) => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], root);
    expect([path, kind(at(action.data))]).toEqual([path, kind(at(reference.data))]);
  }
});

it('action ids grow with time, so `since=<action id>` means "after that action"', () => {
  const s = scene();
  const first = s.emulator.actionsOn(s.workspace.board.id)[0];
  s.emulator.clock.advance(1500);
  s.emulator.personRenamesCard({ memberId: s.memberId, cardId: s.card.id, name: 'Later' });
  const second = s.emulator.actionsOn(s.workspace.board.id)[0];
  expect(second.id > first.id).toBe(true);
  expect(parseInt(second.id.slice(0, 8), 16)).toBe(Math.floor(s.emulator.clock.now() / 1000));
});

it('the data names what changed: lists before and after a move, the old value of a rename', () => {
  const s = scene();
  s.emulator.personMovesCard({ memberId: s.memberId, cardId: s.card.id, listId: s.workspace.lists.DONE.id });
  const [, move] = s.emulator.actionsOn(s.workspace.board.id);
  expect(move.data).toMatchObject({
    listBefore: { id: s.workspace.lists.TODO.id, name: 'TODO' },
    listAfter: { id: s.workspace.lists.DONE.id, name: 'DONE' },
    card: { id: s.card.id, idList: s.workspace.lists.DONE.id, idShort: 1 },
    old: { idList: s.workspace.lists.TODO.id },
  });
  s.emulator.personRenamesCard({ memberId: s.memberId, cardId: s.card.id, name: 'Ada King' });
  expect(s.emulator.actionsOn(s.workspace.board.id)[0].data).toMatchObject({ card: { name: 'Ada King' }, old: { name: 'Ada Lovelace' } });
});

it('a person dragging a card to another list records two actions: the list change, then the drop position', () => {
  const s = scene();
  const before = s.emulator.card(s.card.id)!;
  s.emulator.personMovesCard({ memberId: s.memberId, cardId: s.card.id, listId: s.workspace.lists.DONE.id });
  const [drop, move] = s.emulator.actionsOn(s.workspace.board.id);
  expect(move.data.old).toEqual({ idList: s.workspace.lists.TODO.id });
  expect(drop.type).toBe('updateCard');
  expect(drop.data).toMatchObject({ list: { id: s.workspace.lists.DONE.id, name: 'DONE' }, card: { id: s.card.id, pos: s.emulator.card(s.card.id)!.pos }, old: { pos: before.pos } });
  expect(drop.data.listAfter).toBeUndefined();
  expect(drop.id > move.id).toBe(true);
  // Through the API, a change of list is one action.
  s.fixture.json('PUT', `/cards/${s.card.id}`, { idList: s.workspace.lists.TODO.id });
  expect(s.emulator.actionsOn(s.workspace.board.id)[1].id).toBe(drop.id);
});
