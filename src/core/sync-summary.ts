// The JSON-able result of a sync run, as syncNow() returns it and the sidebar shows it.
import type { SyncStatus } from './sync-status';

/** The JSON-able result of a run, shown by the sidebar and returned by syncNow(). */
export interface SyncSummary {
  ok: boolean;
  kind: 'full' | 'leads' | 'cards';
  at: string;
  /** False when the run stopped before the end (time budget, Trello unreachable); the next run goes on. */
  finished: boolean;
  created: number;
  updatedCards: number;
  changedCells: number;
  imported: number;
  conflicts: number;
  flagged: number;
  deferred: number;
  errors: string[];
  message: string;
  /** True when the run did not start because another held the lock. */
  busy?: boolean;
  /** True when the run stopped because its time was up (not for a quota): the rest can go on at once. */
  outOfTime?: boolean;
  /** Where the sync stood when the run ended; absent when it did not run to the end. */
  status?: SyncStatus;
}

/** Most errors a summary lists; the rest are counted in one last line (the Sync Log has every one). */
export const MAX_LISTED_ERRORS = 10;
/** Longest error text a summary keeps, so that a stored summary stays far below a property's 9 KB. */
const MAX_ERROR_LENGTH = 200;

/** The first errors, each shortened, and a count of the others. */
export function listedErrors(errors: readonly string[]): string[] {
  const shown = errors.slice(0, MAX_LISTED_ERRORS).map((error) => (error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error));
  const more = errors.length - shown.length;
  return more > 0 ? [...shown, `… and ${more} more (see the Sync Log)`] : shown;
}
