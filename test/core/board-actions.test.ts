import { changeTimesFrom, type ActionLike, fieldsChangedBy, newestActionId, oldestActionId } from '../../src/core/board-actions';

describe('board actions', () => {
  const actions = [
    { id: '5a0000000000000000000003', type: 'updateCard', date: '2026-01-05T10:03:00Z', data: { card: { id: 'c1' }, old: { name: 'Old' } } },
    { id: '5a0000000000000000000002', type: 'updateCard', date: '2026-01-05T10:02:00Z', data: { card: { id: 'c1' }, listAfter: { id: 'l2' }, old: { idList: 'l1' } } },
    { id: '5a0000000000000000000001', type: 'createCard', date: '2026-01-05T10:01:00Z', data: { card: { id: 'c2' } } },
    { id: '5a0000000000000000000000', type: 'commentCard', date: '2026-01-05T10:00:00Z', data: { card: { id: 'c2' } } },
  ];

  it('keeps the latest list and name change of each card', () => {
    expect(changeTimesFrom(actions)).toEqual(
      new Map([
        ['c1', { list: Date.parse('2026-01-05T10:02:00Z'), name: Date.parse('2026-01-05T10:03:00Z') }],
        ['c2', { list: Date.parse('2026-01-05T10:01:00Z'), name: Date.parse('2026-01-05T10:01:00Z') }],
      ]),
    );
  });

  it('advances the cursor to the newest action id only', () => {
    expect(newestActionId(actions, '5a0000000000000000000001')).toBe('5a0000000000000000000003');
    expect(newestActionId([], 'cursor')).toBe('cursor');
  });

  it('treats a date cursor (a board that had no actions) as older than any action read after it', () => {
    expect(newestActionId(actions, '2026-01-05T09:00:00.000Z')).toBe('5a0000000000000000000003');
    expect(newestActionId([], '2026-01-05T09:00:00.000Z')).toBe('2026-01-05T09:00:00.000Z');
  });

  it('finds where the next, older page starts', () => {
    expect(oldestActionId(actions)).toBe('5a0000000000000000000000');
    expect(oldestActionId([])).toBe('');
  });

  it('finds the oldest action id whatever the order of the page', () => {
    expect(oldestActionId([...actions].reverse())).toBe('5a0000000000000000000000');
  });

  it('skips actions without an id when looking for the cursor or the next page', () => {
    expect(oldestActionId([{ type: 'createCard' }])).toBe('');
    expect(newestActionId([{ type: 'createCard' }], '2026-01-05T09:00:00.000Z')).toBe('2026-01-05T09:00:00.000Z');
  });

  it('treats a cursor that is not exactly a 24-digit action id as older than any action read after it', () => {
    expect(newestActionId(actions, 'f'.repeat(25))).toBe('5a0000000000000000000003');
  });

  it('takes a card moved in from another board, or moved to another list, as a list change', () => {
    const date = '2026-01-05T10:04:00Z';
    expect(
      changeTimesFrom([
        { id: 'm1', type: 'moveCardToBoard', date, data: { card: { id: 'c3' } } },
        { id: 'm2', type: 'updateCard', date, data: { card: { id: 'c4' }, old: { idList: 'l1' } } },
      ]),
    ).toEqual(
      new Map([
        ['c3', { list: Date.parse(date) }],
        ['c4', { list: Date.parse(date) }],
      ]),
    );
  });

  it('leaves out cards whose actions change neither list, name nor a mapped field', () => {
    expect(changeTimesFrom([{ id: 'k1', type: 'commentCard', date: '2026-01-05T10:00:00Z', data: { card: { id: 'c5' } } }])).toEqual(new Map());
  });

  it('ignores actions without a card, without data, or without a readable text date', () => {
    expect(
      changeTimesFrom([
        { id: 'x1', type: 'createCard', date: '2026-01-05T10:00:00Z', data: {} },
        { id: 'x2', type: 'createCard', date: '2026-01-05T10:00:00Z' },
        { id: 'x3', type: 'createCard', date: 'yesterday', data: { card: { id: 'c6' } } },
        { id: 'x4', type: 'createCard', date: new Date('2026-01-05T10:00:00Z'), data: { card: { id: 'c7' } } },
      ]),
    ).toEqual(new Map());
  });
});

describe('board actions of mapped fields', () => {
  const at = (minute: number) => `2026-01-05T10:0${minute}:00Z`;
  const actions = [
    { id: 'a1', type: 'updateCard', date: at(1), data: { card: { id: 'c1' }, old: { due: null } } },
    { id: 'a2', type: 'updateCard', date: at(2), data: { card: { id: 'c1' }, old: { dueComplete: false } } },
    { id: 'a3', type: 'addLabelToCard', date: at(3), data: { card: { id: 'c1' }, label: { id: 'l1', name: 'Hot' } } },
    { id: 'a4', type: 'removeLabelFromCard', date: at(4), data: { card: { id: 'c1' }, label: { id: 'l1', name: 'Hot' } } },
    { id: 'a5', type: 'addMemberToCard', date: at(5), data: { card: { id: 'c1' }, idMember: 'm1' } },
    { id: 'a6', type: 'updateCustomFieldItem', date: at(6), data: { card: { id: 'c1' }, customField: { id: 'f1', name: 'Deal value' } } },
    { id: 'a7', type: 'updateCard', date: at(7), data: { card: { id: 'c2' }, old: { desc: 'before' } } },
  ];

  it('names the mapped fields each action changes', () => {
    expect(actions.map(fieldsChangedBy)).toEqual([['due'], ['dueComplete'], ['labels'], ['labels'], ['members'], ['custom:Deal value'], ['desc']]);
    expect(fieldsChangedBy({ type: 'updateCard', data: { old: { name: 'x' } } })).toEqual([]);
  });

  it('reads the changed field from the action type alone when the action carries no data', () => {
    expect(fieldsChangedBy({ type: 'addLabelToCard' })).toEqual(['labels']);
    expect(fieldsChangedBy({ type: 'updateCustomFieldItem' })).toEqual([]);
  });

  it('names no field for a custom field change without the field\'s name', () => {
    expect(fieldsChangedBy({ type: 'updateCustomFieldItem', data: { customField: { name: 7 } } })).toEqual([]);
  });

  it('names no card field for other actions that carry old values, such as a board description change', () => {
    expect(fieldsChangedBy({ type: 'updateBoard', data: { old: { desc: 'before' } } })).toEqual([]);
  });

  it('names no field for an action whose type is not text', () => {
    expect(fieldsChangedBy({ type: ['addLabelToCard'] })).toEqual([]);
  });

  it('names no field for an action type that is a word every object knows, such as constructor', () => {
    for (const type of ['constructor', 'toString', '__proto__']) expect(fieldsChangedBy({ type })).toEqual([]);
  });

  it('names no field for an update whose old values are null', () => {
    expect(fieldsChangedBy({ type: 'updateCard', data: { old: null } } as unknown as ActionLike)).toEqual([]);
  });

  it('keeps the latest change time of each field, beside the list and name', () => {
    expect(changeTimesFrom(actions)).toEqual(
      new Map([
        ['c1', { fields: { due: Date.parse(at(1)), dueComplete: Date.parse(at(2)), labels: Date.parse(at(4)), members: Date.parse(at(5)), 'custom:Deal value': Date.parse(at(6)) } }],
        ['c2', { fields: { desc: Date.parse(at(7)) } }],
      ]),
    );
  });
});
