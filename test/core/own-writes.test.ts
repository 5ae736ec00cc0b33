import { MAX_OWN_WRITES, OWN_WRITE_MS, ownWrite, ownWritesOf, takeEcho, withWrites, type OwnWrite } from '../../src/core/own-writes';
import type { WebhookHint } from '../../src/core/webhook-event';

const CARD = 'a'.repeat(24);
const OTHER = 'b'.repeat(24);
const AT = 1_000_000;

/** The delivery of a rename of `cardId` from `oldName` to `name`, dated `date`. */
function rename(oldName: string, name: string, date = AT + 500, cardId = CARD): WebhookHint {
  return { actionId: 'c'.repeat(24), type: 'updateCard', boardId: 'd'.repeat(24), cardId, date, name, oldName };
}

const renamed: OwnWrite[] = [ownWrite(CARD, 'name', 'Ada', 'Bob', AT)];

describe('takeEcho', () => {
  it('takes a delivery of exactly the remembered change, dated after it, for its echo — once', () => {
    const first = takeEcho(renamed, rename('Ada', 'Bob'), AT + 1_000);
    expect(first).toEqual({ echo: true, writes: [] });
    expect(takeEcho(first.writes, rename('Ada', 'Bob'), AT + 2_000).echo).toBe(false);
  });

  it('a move is matched by its lists before and after', () => {
    const moved = [ownWrite(CARD, 'list', 'L1', 'L2', AT)];
    const move = (from: string, to: string): WebhookHint => ({ ...rename('x', 'y'), name: undefined, oldName: undefined, listId: to, oldListId: from });
    expect(takeEcho(moved, move('L1', 'L2'), AT).echo).toBe(true);
    expect(takeEcho(moved, move('L3', 'L2'), AT).echo).toBe(false);
  });

  it.each([
    ['another new value', rename('Ada', 'Cyd')],
    ['another old value', rename('Eve', 'Bob')],
    ['another card', rename('Ada', 'Bob', AT + 500, OTHER)],
    ['a date before the write', rename('Ada', 'Bob', AT - 1)],
    ['an archive as well', { ...rename('Ada', 'Bob'), closed: true }],
    ['a relayed hint', { ...rename('Ada', 'Bob'), relayed: true }],
    ['a claim of nothing the add-on writes (a drop position)', { ...rename('Ada', 'Bob'), name: undefined, oldName: undefined }],
    ['a mapped field changed in the same action', { ...rename('Ada', 'Bob'), fields: ['due'] }],
  ])('is no echo with %s', (_, hint) => {
    expect(takeEcho(renamed, hint as WebhookHint, AT + 1_000).echo).toBe(false);
  });

  it('any other delivery about the card forgets its writes made before that action, and keeps the others', () => {
    const known = [...renamed, ownWrite(OTHER, 'name', 'Ada', 'Bob', AT), ownWrite(CARD, 'list', 'L1', 'L2', AT + 900)];
    const { echo, writes } = takeEcho(known, rename('Bob', 'Cyd', AT + 800), AT + 1_000);
    expect(echo).toBe(false);
    expect(writes).toEqual([known[1], known[2]]);
    // So the person's later rename back to exactly what the add-on wrote is not taken for the add-on's.
    expect(takeEcho(writes, rename('Ada', 'Bob', AT + 1_200), AT + 1_300).echo).toBe(false);
  });

  it('takes a rename that also names the card’s current list for its echo, and a move that also names the card for its', () => {
    expect(takeEcho(renamed, { ...rename('Ada', 'Bob'), listId: 'L1' }, AT + 1_000).echo).toBe(true);
    const moved = [ownWrite(CARD, 'list', 'L1', 'L2', AT)];
    expect(takeEcho(moved, { ...rename('x', 'y'), oldName: undefined, name: 'Ada', oldListId: 'L1', listId: 'L2' }, AT + 1_000).echo).toBe(true);
  });

  it('is no echo of a remembered write of another field with the same values', () => {
    const move = { ...rename('x', 'y'), name: undefined, oldName: undefined, oldListId: 'Ada', listId: 'Bob' };
    expect(takeEcho(renamed, move, AT + 1_000).echo).toBe(false);
  });

  it('an echo uses up only the writes it matches', () => {
    const known = [...renamed, ownWrite(OTHER, 'name', 'Ada', 'Bob', AT), ownWrite(CARD, 'list', 'L1', 'L2', AT)];
    expect(takeEcho(known, rename('Ada', 'Bob'), AT + 1_000)).toEqual({ echo: true, writes: [known[1], known[2]] });
  });

  it('another delivery dated exactly at a write forgets that write', () => {
    expect(takeEcho(renamed, rename('Bob', 'Cyd', AT), AT + 1_000)).toEqual({ echo: false, writes: [] });
  });

  it('forgets writes older than an hour', () => {
    expect(takeEcho(renamed, rename('Ada', 'Bob', AT + OWN_WRITE_MS), AT + OWN_WRITE_MS).echo).toBe(false);
  });
});

describe('withWrites', () => {
  it('a new write of a card’s field replaces the one before; at most the newest are kept', () => {
    const next = ownWrite(CARD, 'name', 'Bob', 'Cyd', AT + 10);
    expect(withWrites(renamed, [next], AT + 20)).toEqual([next]);
    const many = Array.from({ length: MAX_OWN_WRITES + 5 }, (_, index) => ownWrite(`${index}`.padStart(24, '0'), 'name', 'a', 'b', AT));
    expect(withWrites([], many, AT)).toEqual(many.slice(5));
  });

  it('keeps the writes of other cards and other fields', () => {
    const known = [ownWrite(OTHER, 'name', 'Ada', 'Bob', AT), ownWrite(CARD, 'list', 'L1', 'L2', AT)];
    const next = ownWrite(CARD, 'name', 'Bob', 'Cyd', AT + 10);
    expect(withWrites(known, [next], AT + 20)).toEqual([...known, next]);
  });
});

describe('ownWritesOf', () => {
  it('takes the list and name changes of confirmed updates, from the cards as read', () => {
    const cards = new Map([[CARD, { id: CARD, name: 'Ada', desc: '', idList: 'L1', shortLink: '' }]]);
    const writes = ownWritesOf(
      [
        { cardId: CARD, fields: { idList: 'L2', name: 'Bob', desc: 'x' } },
        { cardId: OTHER, fields: { idList: 'L2' } },
      ],
      cards,
      AT,
    );
    expect(writes).toEqual([ownWrite(CARD, 'list', 'L1', 'L2', AT), ownWrite(CARD, 'name', 'Ada', 'Bob', AT)]);
  });

  it('remembers nothing for an update that leaves the list and name as they were', () => {
    const cards = new Map([[CARD, { id: CARD, name: 'Ada', desc: '', idList: 'L1', shortLink: '' }]]);
    expect(ownWritesOf([{ cardId: CARD, fields: { idList: 'L1', name: 'Ada', desc: 'x' } }], cards, AT)).toEqual([]);
  });
});
