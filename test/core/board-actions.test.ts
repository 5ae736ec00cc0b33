import { changeTimesFrom, newestActionId, oldestActionId } from '../../src/core/board-actions';

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
