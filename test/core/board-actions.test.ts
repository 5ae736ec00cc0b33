import { changeTimesFrom, fieldsChangedBy, newestActionId, oldestActionId } from '../../src/core/board-actions';

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

  it('keeps the latest change time of each field, beside the list and name', () => {
    expect(changeTimesFrom(actions)).toEqual(
      new Map([
        ['c1', { fields: { due: Date.parse(at(1)), dueComplete: Date.parse(at(2)), labels: Date.parse(at(4)), members: Date.parse(at(5)), 'custom:Deal value': Date.parse(at(6)) } }],
        ['c2', { fields: { desc: Date.parse(at(7)) } }],
      ]),
    );
  });
});
