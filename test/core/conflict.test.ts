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
    expect(threeWay({ ...base, sheetChanged: true, boardChanged: false, agree: false })).toEqual({ keep: 'sheet', conflict: false, boardTimeUnknown: false });
    expect(threeWay({ ...base, sheetChanged: true, boardChanged: true, agree: true })).toEqual({ keep: 'sheet', conflict: false, boardTimeUnknown: false });
    expect(threeWay({ ...base, sheetChanged: false, boardChanged: true, agree: false })).toEqual({ keep: 'board', conflict: false, boardTimeUnknown: false });
    expect(threeWay({ ...base, sheetChanged: true, boardChanged: true, agree: false })).toEqual({ keep: 'board', conflict: true, boardTimeUnknown: false });
    expect(threeWay({ sheetEditedAt: 3000, boardChangedAt: 2000, sheetChanged: true, boardChanged: true, agree: false })).toEqual({ keep: 'sheet', conflict: true, boardTimeUnknown: false });
  });

  it("says when a conflict went to the sheet only because the board's time is unknown", () => {
    const both = { sheetChanged: true, boardChanged: true, agree: false };
    expect(threeWay({ ...both, sheetEditedAt: 1000, boardChangedAt: undefined })).toEqual({ keep: 'sheet', conflict: true, boardTimeUnknown: true });
    expect(threeWay({ ...both, sheetEditedAt: undefined, boardChangedAt: undefined })).toEqual({ keep: 'sheet', conflict: true, boardTimeUnknown: false });
    expect(threeWay({ ...both, agree: true, sheetEditedAt: 1000, boardChangedAt: undefined })).toEqual({ keep: 'sheet', conflict: false, boardTimeUnknown: false });
  });
});
