// The JSON-able result of a sync run, as syncNow() returns it and the sidebar shows it.

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
}
