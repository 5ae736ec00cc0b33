// The one status model of the add-on: in sync, rows that need attention, changes waiting and why — in the words the
// toast, the sidebar, doGet and the Sync Log all use.

/** What is known to be out of sync, from the sheet's flags and the work that waits. */
export interface SyncFacts {
  /** Rows that carry one of the add-on's flag notes. */
  flaggedRows: number;
  /** Leads edited while another run held the lock, whose edits a later run syncs. */
  waitingEdits: number;
  /** Cards whose board changes arrived while another run held the lock. */
  waitingDeliveries: number;
  /** Changes the last run left for the next one (Trello unreachable or busy, the run out of time or quota). */
  deferred: number;
}

/** Where the sync stands. */
export interface SyncStatus {
  /** True only when no row is flagged and nothing waits. */
  inSync: boolean;
  rowsNeedingAttention: number;
  changesWaiting: number;
  /** A few words: "In sync", "3 row(s) need attention", "2 change(s) waiting", or both counts. */
  headline: string;
  /** One or two sentences saying so. */
  text: string;
}

/** The text of a status that is in sync. */
export const IN_SYNC_TEXT = 'Everything is in sync.';

/** Why changes wait, in the order the sentence names them. */
function waitingReasons(facts: SyncFacts): string[] {
  return [
    facts.waitingEdits > 0 && `${facts.waitingEdits} edit(s) made while another sync was running`,
    facts.waitingDeliveries > 0 && `${facts.waitingDeliveries} board change(s) that arrived while another sync was running`,
    facts.deferred > 0 && `${facts.deferred} left unfinished by the last run (Trello busy or out of reach, or out of time)`,
  ].filter((reason): reason is string => Boolean(reason));
}

/** The status the facts amount to. */
export function syncStatus(facts: SyncFacts): SyncStatus {
  const rowsNeedingAttention = Math.max(0, facts.flaggedRows);
  const changesWaiting = Math.max(0, facts.waitingEdits) + Math.max(0, facts.waitingDeliveries) + Math.max(0, facts.deferred);
  const sentences = [
    rowsNeedingAttention > 0 && `${rowsNeedingAttention} row(s) need attention and are not synced: see the notes on the sheet.`,
    changesWaiting > 0 && `${changesWaiting} change(s) wait for the next run: ${waitingReasons(facts).join('; ')}.`,
  ].filter((sentence): sentence is string => Boolean(sentence));
  const counts = [rowsNeedingAttention > 0 && `${rowsNeedingAttention} row(s) need attention`, changesWaiting > 0 && `${changesWaiting} change(s) waiting`].filter(
    (count): count is string => Boolean(count),
  );
  return {
    inSync: sentences.length === 0,
    rowsNeedingAttention,
    changesWaiting,
    headline: counts.length ? counts.join(', ') : 'In sync',
    text: sentences.length ? sentences.join(' ') : IN_SYNC_TEXT,
  };
}
