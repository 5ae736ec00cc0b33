import { groupWrites, MAX_WRITES } from '../../src/core/column-writes';

const current = (row: number, column: number) => `r${row}c${column}`;

describe('groupWrites', () => {
  it('writes runs of adjacent rows in one block each', () => {
    const writes = groupWrites(
      [
        { row: 3, column: 2, value: 'a' },
        { row: 2, column: 2, value: 'b' },
        { row: 7, column: 2, value: 'c' },
      ],
      current,
    );
    expect(writes).toEqual([
      { row: 2, column: 2, values: [['b'], ['a']] },
      { row: 7, column: 2, values: [['c']] },
    ]);
  });

  it('merges scattered rows of a column into one block, keeping the cells in between as read', () => {
    const changes = [2, 4, 6, 8, 10].map((row) => ({ row, column: 3, value: `new${row}` }));
    const writes = groupWrites(changes, current);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ row: 2, column: 3 });
    expect(writes[0].values.map(([value]) => value)).toEqual(['new2', 'r3c3', 'new4', 'r5c3', 'new6', 'r7c3', 'new8', 'r9c3', 'new10']);
  });

  it('never makes more than MAX_WRITES writes, however the changes are spread', () => {
    const changes = Array.from({ length: 60 }, (_, index) => ({ row: 2 + ((index * 7) % 50), column: 1 + (index % 9), value: index }));
    const writes = groupWrites(changes, current);
    expect(writes.length).toBeLessThanOrEqual(MAX_WRITES);
    for (const change of changes) {
      const write = writes.find((candidate) => change.row >= candidate.row && change.row < candidate.row + candidate.values.length && change.column >= candidate.column && change.column < candidate.column + candidate.values[0].length);
      expect(write?.values[change.row - (write?.row ?? 0)][change.column - (write?.column ?? 0)]).toBe(change.value);
    }
  });

  it('writes nothing for no change', () => {
    expect(groupWrites([], current)).toEqual([]);
  });
});
