// The list each lead status maps to (the project's default mapping), shared by the benchmark and its naive baseline.

/** A list of the board. */
export type ListName = 'TODO' | 'IN_PROGRESS' | 'DONE';

/** The list of each lead status. */
export const LIST_OF_STATUS: Readonly<Record<string, ListName>> = {
  NEW: 'TODO',
  CONTACTED: 'IN_PROGRESS',
  QUALIFIED: 'IN_PROGRESS',
  COMPLETED: 'DONE',
  LOST: 'DONE',
};
