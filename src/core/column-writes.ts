// Turns scattered cell changes into a few rectangular writes, so a run costs O(1) Sheets calls, not one per row.

/** One cell to change (1-based). */
export interface CellChange {
  row: number;
  column: number;
  value: unknown;
}

/** One rectangular write: top-left corner and the block of values. */
export interface RangeWrite {
  row: number;
  column: number;
  values: unknown[][];
}

/** Most separate writes a run makes for one kind of change before it merges them into larger blocks. */
export const MAX_WRITES = 4;

function runsOf(changes: CellChange[]): CellChange[][] {
  const runs: CellChange[][] = [];
  for (const change of changes) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].row === change.row - 1) last.push(change);
    else runs.push([change]);
  }
  return runs;
}

function block(top: number, bottom: number, left: number, right: number, changes: CellChange[], current: (row: number, column: number) => unknown): RangeWrite {
  const values: unknown[][] = [];
  for (let row = top; row <= bottom; row++) {
    const line: unknown[] = [];
    for (let column = left; column <= right; column++) line.push(current(row, column));
    values.push(line);
  }
  for (const change of changes) values[change.row - top][change.column - left] = change.value;
  return { row: top, column: left, values };
}

/**
 * Groups changes into at most MAX_WRITES rectangular writes: runs of adjacent rows per column, else one block per
 * column, else one block over all. Cells inside a merged block that do not change are written back with their
 * `current` value (what the run read), which is why merging stops at MAX_WRITES and no earlier.
 */
export function groupWrites(changes: CellChange[], current: (row: number, column: number) => unknown): RangeWrite[] {
  if (changes.length === 0) return [];
  const byColumn = new Map<number, CellChange[]>();
  for (const change of changes) byColumn.set(change.column, [...(byColumn.get(change.column) ?? []), change]);
  const columns = Array.from(byColumn.entries()).map(([column, cells]) => [column, cells.sort((a, b) => a.row - b.row)] as const);

  const runs = columns.flatMap(([, cells]) => runsOf(cells));
  if (runs.length <= MAX_WRITES) {
    return runs.map((run) => block(run[0].row, run[run.length - 1].row, run[0].column, run[0].column, run, current));
  }
  if (columns.length <= MAX_WRITES) {
    return columns.map(([column, cells]) => block(cells[0].row, cells[cells.length - 1].row, column, column, cells, current));
  }
  const rows = changes.map((change) => change.row);
  const cols = changes.map((change) => change.column);
  return [block(Math.min(...rows), Math.max(...rows), Math.min(...cols), Math.max(...cols), changes, current)];
}
