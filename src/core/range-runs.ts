// Groups exact cell changes into rectangular blocks without touching any cell that does not change.

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

/**
 * Runs of adjacent rows in the same column, one block each. Unlike merging scattered cells into a bounding block,
 * this never writes back a value read earlier (which could be stale, or be re-read as a formula or a number).
 */
export function columnRuns(changes: readonly CellChange[]): RangeWrite[] {
  const sorted = [...changes].sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: RangeWrite[] = [];
  for (const change of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.column === change.column && last.row + last.values.length === change.row) last.values.push([change.value]);
    else runs.push({ row: change.row, column: change.column, values: [[change.value]] });
  }
  return runs;
}

/** Runs of consecutive whole rows (from column 1), one block each. */
export function rowRuns(rows: readonly { row: number; values: unknown[] }[]): RangeWrite[] {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const runs: RangeWrite[] = [];
  for (const { row, values } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row + last.values.length === row) last.values.push(values);
    else runs.push({ row, column: 1, values: [values] });
  }
  return runs;
}
