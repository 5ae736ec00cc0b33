// Reconciles the add-on's flag notes with a run's problems, never touching a note a person wrote.
import { fittedToCell } from './quote';
import type { CellChange } from './range-runs';
import { flagNote, isFlagNote, type RowProblem } from './row-problem';

/** How many cells and rows carry one of the add-on's flags. */
export interface FlagCount {
  cells: number;
  rows: number;
}

/** The note changes of a run, and the problems whose cell already holds a person's note (logged only). */
export interface FlagChanges {
  notes: CellChange[];
  newlyFlagged: RowProblem[];
  unflaggable: RowProblem[];
  /** Flagged cells and rows among the rows whose notes were read, before the changes. */
  before: FlagCount;
  /** The same once the changes are made. */
  after: FlagCount;
}

/**
 * Compares wanted flags with the notes read of rows `firstRow`… (`notes[row - firstRow][column - 1]`): sets new or
 * changed flags, clears flags whose problem is gone, and leaves every note without the add-on's prefix as it is.
 * Only those rows are looked at: problems elsewhere are left for a run that reads their notes.
 */
export function reconcileFlags(problems: RowProblem[], notes: readonly (readonly string[])[], columns: Readonly<Record<string, number>>, firstRow = 1): FlagChanges {
  // Stryker disable next-line OptionalChaining: only asked about rows that were read, whose notes are there
  const noteAt = (row: number, column: number) => notes[row - firstRow]?.[column - 1] ?? '';
  const read = (row: number) => row >= firstRow && row < firstRow + notes.length;
  const wanted = new Map<string, { row: number; column: number; note: string; problem: RowProblem }>();
  for (const problem of problems) {
    if (!read(problem.row)) continue;
    const column = columns[problem.column];
    if (column === undefined) continue;
    const key = `${problem.row}:${column}`;
    const earlier = wanted.get(key);
    const note = fittedToCell(earlier ? `${earlier.note}\n${problem.message}` : flagNote(problem));
    wanted.set(key, { row: problem.row, column, note, problem });
  }
  const result: FlagChanges = { notes: [], newlyFlagged: [], unflaggable: [], before: { cells: 0, rows: 0 }, after: { cells: 0, rows: 0 } };
  const rowsAfter = new Set<number>();
  for (const { row, column, note, problem } of wanted.values()) {
    const existing = noteAt(row, column);
    if (existing && !isFlagNote(existing)) {
      result.unflaggable.push(problem);
      continue;
    }
    rowsAfter.add(row);
    result.after.cells++;
    if (existing === note) continue;
    result.notes.push({ row, column, value: note });
    result.newlyFlagged.push(problem);
  }
  result.after.rows = rowsAfter.size;
  notes.forEach((line, index) => {
    const row = index + firstRow;
    const flagged = line.filter((note, columnIndex) => {
      if (!isFlagNote(note)) return false;
      if (!wanted.has(`${row}:${columnIndex + 1}`)) result.notes.push({ row, column: columnIndex + 1, value: '' });
      return true;
    }).length;
    result.before.cells += flagged;
    if (flagged > 0) result.before.rows++;
  });
  return result;
}
