// The product's default status mapping written out for the tests and the benchmark (never borrowed from the add-on's
// code, so that a test can catch a wrong mapping); no imports, so the benchmark's naive baseline bundles it too.

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
