// After a quiet scheduled run: measures how long it took and, on a sheet where every-minute runs would spend too much
// of Apps Script's daily trigger time, runs the schedule less often (and more often again when runs get short).
import type { Services } from '../adapters/gas-services';
import { nextPace, paceNote, parsePace, type SchedulePace } from '../core/schedule-pace';
import { STATE_KEYS } from '../core/settings';
import type { SyncSummary } from '../core/sync-summary';

/** A run that found nothing to do: its duration is the price of polling, which the pace is about. */
function isQuiet(summary: SyncSummary): boolean {
  const work = summary.created + summary.updatedCards + summary.changedCells + summary.imported + summary.conflicts + summary.deferred;
  return summary.ok && summary.finished && !summary.busy && work === 0;
}

/** The schedule's pace on this sheet. */
function schedulePace(services: Services): SchedulePace {
  return parsePace(services.store.get(STATE_KEYS.schedulePace));
}

/** Why the schedule runs at its pace, for the sidebar; an add-on's schedule is hourly whatever the sheet. */
export function schedulePaceNote(services: Services): string {
  return services.isAddOn ? 'A full sync runs every hour (the most an add-on may).' : paceNote(schedulePace(services));
}

/**
 * Called at the end of a scheduled run that began at `executionStartedAt`: when the run was quiet and its duration
 * calls for another interval, replaces the time-driven trigger and remembers the pace.
 */
export function paceSchedule(services: Services, summary: SyncSummary, executionStartedAt: number): void {
  if (services.isAddOn || !isQuiet(summary)) return;
  const runMs = Math.round(services.clock.now() - executionStartedAt);
  const current = schedulePace(services);
  const everyMinutes = nextPace(current.everyMinutes, runMs);
  if (everyMinutes === current.everyMinutes) return;
  services.triggers.reschedule(everyMinutes);
  services.store.set({ [STATE_KEYS.schedulePace]: JSON.stringify({ everyMinutes, runMs }) });
}
