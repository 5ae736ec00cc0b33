// A long scheduled run that stopped for time (a first import of thousands of leads) goes on at once in a run of its
// own, instead of waiting for the schedule's next turn.
import type { Services } from '../adapters/gas-services';
import type { SyncSummary } from '../core/sync-summary';

/** How soon the next run starts after one that ran out of time (the rate window carries over through the cache). */
export const CONTINUE_AFTER_MS = 1000;

/**
 * Called after a scheduled run: when it ran out of time, a one-off trigger starts the next run in a second; otherwise
 * the one-off trigger that started this run (fired, but counted against the trigger quota until deleted) is deleted.
 * An add-on cannot make one (its clock triggers are an hour apart): its schedule or Sync now goes on.
 */
export function continueUnfinished(services: Services, summary: SyncSummary): void {
  if (summary.outOfTime) services.triggers.continueSoon(CONTINUE_AFTER_MS);
  else services.triggers.endContinuation();
}
