// Reconciles the add-on's flag notes with this run's problems, never touching a note a person wrote.
import { fittedToCell } from './quote';
import type { CellChange } from './range-runs';
import { flagNote, isFlagNote, type RowProblem } from './row-problem';
import type { ColumnIndex } from './lead-table';

/** The note changes of a run, and the problems whose cell already holds a person's note (logged only). */
export interface FlagChanges {
  notes: CellChange[];
  newlyFlagged: RowProblem[];
  unflaggable: RowProblem[];
  /** Cells that carry one of the add-on's flags once the changes are made. */
  flaggedCells: number;
}

/**
 * Compares wanted flags with the notes read this run (`notes[row - 1][column - 1]`): sets new or changed flags, clears
 * flags whose problem is gone, and leaves every note without the add-on's prefix as it is.
 */
export function reconcileFlags(problems: RowProblem[], notes: readonly (readonly string[])[], columns: ColumnIndex): FlagChanges {
  const noteAt = (row: number, column: number) => notes[row - 1]?.[column - 1] ?? '';
  const wanted = new Map<string, { row: number; column: number; note: string; problem: RowProblem }>();
  for (const problem of problems) {
    const column = columns[problem.column];
    const key = `${problem.row}:${column}`;
    const earlier = wanted.get(key);
    const note = fittedToCell(earlier ? `${earlier.note}\n${problem.message}` : flagNote(problem));
    wanted.set(key, { row: problem.row, column, note, problem });
  }
  const result: FlagChanges = { notes: [], newlyFlagged: [], unflaggable: [], flaggedCells: 0 };
  for (const { row, column, note, problem } of wanted.values()) {
    const existing = noteAt(row, column);
    if (existing === note) continue;
    if (existing && !isFlagNote(existing)) {
      result.unflaggable.push(problem);
      continue;
    }
    result.notes.push({ row, column, value: note });
    result.newlyFlagged.push(problem);
  }
  result.flaggedCells = wanted.size - result.unflaggable.length;
  notes.forEach((line, index) =>
    line.forEach((note, columnIndex) => {
      if (isFlagNote(note) && !wanted.has(`${index + 1}:${columnIndex + 1}`)) result.notes.push({ row: index + 1, column: columnIndex + 1, value: '' });
    }),
  );
  return result;
}
