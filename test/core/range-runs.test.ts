import { columnRuns, rowRuns } from '../../src/core/range-runs';

describe('columnRuns', () => {
  it('writes exactly the changed cells, adjacent rows of a column in one block', () => {
    expect(
      columnRuns([
        { row: 3, column: 2, value: 'a' },
        { row: 2, column: 2, value: 'b' },
        { row: 7, column: 2, value: 'c' },
        { row: 3, column: 6, value: 'd' },
      ]),
    ).toEqual([
      { row: 2, column: 2, values: [['b'], ['a']] },
      { row: 7, column: 2, values: [['c']] },
      { row: 3, column: 6, values: [['d']] },
    ]);
  });

  it('writes nothing for no change', () => {
    expect(columnRuns([])).toEqual([]);
  });
});

describe('rowRuns', () => {
  it('joins consecutive rows and keeps gaps apart', () => {
    expect(rowRuns([{ row: 5, values: ['x'] }, { row: 2, values: ['a'] }, { row: 3, values: ['b'] }])).toEqual([
      { row: 2, column: 1, values: [['a'], ['b']] },
      { row: 5, column: 1, values: [['x']] },
    ]);
  });
});

describe('columnRuns across columns', () => {
  it('never lets a run of one column continue into the next row of another column', () => {
    expect(
      columnRuns([
        { row: 2, column: 2, value: 'Ada Lovelace' },
        { row: 3, column: 4, value: 'COMPLETED' },
      ]),
    ).toEqual([
      { row: 2, column: 2, values: [['Ada Lovelace']] },
      { row: 3, column: 4, values: [['COMPLETED']] },
    ]);
  });
});
