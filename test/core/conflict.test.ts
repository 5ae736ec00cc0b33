import { conflictWinner, threeWay } from '../../src/core/conflict';

describe('conflict rule', () => {
  it('lets the newer change win, and the sheet when either time is unknown', () => {
    expect(conflictWinner(1000, 2000)).toBe('board');
    expect(conflictWinner(2000, 1000)).toBe('sheet');
    expect(conflictWinner(1000, 1000)).toBe('sheet');
    expect(conflictWinner(undefined, 2000)).toBe('sheet');
    expect(conflictWinner(1000, undefined)).toBe('sheet');
  });

  it('keeps the sheet when the board did not change or agrees, the board when only it changed, and settles both by time', () => {
    const base = { sheetEditedAt: 1000, boardChangedAt: 2000 };
    expect(threeWay({ ...base, sheetChanged: true, boardChanged: false, agree: false })).toEqual({ keep: 'sheet', conflict: false });
    expect(threeWay({ ...base, sheetChanged: true, boardChanged: true, agree: true })).toEqual({ keep: 'sheet', conflict: false });
    expect(threeWay({ ...base, sheetChanged: false, boardChanged: true, agree: false })).toEqual({ keep: 'board', conflict: false });
    expect(threeWay({ ...base, sheetChanged: true, boardChanged: true, agree: false })).toEqual({ keep: 'board', conflict: true });
    expect(threeWay({ sheetEditedAt: 3000, boardChangedAt: 2000, sheetChanged: true, boardChanged: true, agree: false })).toEqual({ keep: 'sheet', conflict: true });
  });
});
