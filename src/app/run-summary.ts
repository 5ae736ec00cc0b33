// A run's summary, as the sidebar, the toast and the run record show it: what the run did, the first row it flagged,
// where the sync stands, and why it stopped early if it did.
import type { ApplyOutcome } from './apply-plan';
import { connectionMessage } from './connection-problem';
import type { WritebackReport } from './sheet-writeback';
import { listedErrors, type SyncSummary } from '../core/sync-summary';
import { syncStatus, type SyncFacts } from '../core/sync-status';

/** The summary's message, ending with why the run stopped early and when the rest goes on. */
function stoppedEarly(message: string, { quotaAnswer, outOfTime }: { quotaAnswer: string | undefined; outOfTime: boolean }): string {
  if (quotaAnswer) return `${message} Stopped early: ${quotaAnswer} The rest waits for the quota to reset.`;
  return outOfTime ? `${message} Out of time for this run: the rest goes on at the next run.` : message;
}

/**
 * The run's summary: what it did, the first problem it flagged, and where the sync stands (the status model, from the
 * flags and waiting work after the run). `stoppedBy` says what stopped its Trello requests early, if anything.
 */
export function summarize(
  kind: SyncSummary['kind'],
  at: number,
  outcome: ApplyOutcome,
  written: WritebackReport,
  stoppedBy: { quotaAnswer: string | undefined; outOfTime: boolean },
  facts: Omit<SyncFacts, 'deferred'>,
): SyncSummary {
  const deferred = outcome.deferred + written.dropped;
  const status = syncStatus({ ...facts, deferred });
  const parts = [
    outcome.created && `${outcome.created} card(s) created`,
    outcome.updatedCards && `${outcome.updatedCards} card(s) updated`,
    written.changedCells && `${written.changedCells} cell(s) updated`,
    outcome.imported && `${outcome.imported} lead(s) added from Trello`,
    outcome.conflicts && `${outcome.conflicts} conflict(s) resolved`,
  ].filter(Boolean);
  const [firstFlag, ...otherFlags] = written.flagLines;
  const flagged = firstFlag ? `${firstFlag.message}${otherFlags.length ? ` (and ${otherFlags.length} more row(s) flagged)` : ''}` : '';
  const tokenProblem = outcome.tokenRefused === undefined ? undefined : connectionMessage(outcome.tokenRefused);
  const message = [parts.length ? `${parts.join(', ')}.` : '', flagged, status.text].filter(Boolean).join(' ');
  return {
    ok: outcome.refused.length === 0 && tokenProblem === undefined,
    kind,
    at: new Date(at).toISOString(),
    finished: deferred === 0,
    created: outcome.created,
    updatedCards: outcome.updatedCards,
    changedCells: written.changedCells,
    imported: outcome.imported,
    conflicts: outcome.conflicts,
    flagged: written.flagged,
    deferred,
    errors: listedErrors(tokenProblem ? [tokenProblem, ...outcome.refused] : outcome.refused),
    message: tokenProblem ?? stoppedEarly(message, stoppedBy),
    status,
    ...(stoppedBy.outOfTime && !stoppedBy.quotaAnswer ? { outOfTime: true } : {}),
  };
}

/** A summary for a run that could not start or failed as a whole. */
export function failedSummary(kind: SyncSummary['kind'], at: number, message: string): SyncSummary {
  return { ok: false, kind, at: new Date(at).toISOString(), finished: false, created: 0, updatedCards: 0, changedCells: 0, imported: 0, conflicts: 0, flagged: 0, deferred: 0, errors: [message], message };
}
