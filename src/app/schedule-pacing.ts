// After a quiet scheduled run: measures how long it took and, on a sheet where every-minute runs would spend too much
// of Apps Script's daily trigger time, runs the schedule less often (and more often again when runs get short),
// saying so in the Sync Log; the sidebar shows the pace and what a day of it costs.
import type { Services } from '../adapters/gas-services';
import { accountKind, nextPace, paceChangeMessage, paceNote, parsePace, remeasured, type SchedulePace } from '../core/schedule-pace';
import { SETTING_KEYS, STATE_KEYS } from '../core/settings';
import type { SyncSummary } from '../core/sync-summary';
import { queueLog } from './pending-log';

/** A run that found nothing to do: its duration is the price of polling, which the pace is about. */
function isQuiet(summary: SyncSummary): boolean {
  const work = summary.created + summary.updatedCards + summary.changedCells + summary.imported + summary.conflicts + summary.deferred;
  return summary.ok && summary.finished && !summary.busy && work === 0;
}

/** The schedule's pace on this sheet, from the store's entries. */
export function schedulePace(entries: Record<string, string>): SchedulePace {
  return parsePace(entries[STATE_KEYS.schedulePace]);
}

/** Why the schedule runs at its pace and what a day of it costs, for the sidebar; an add-on's schedule is hourly. */
export function schedulePaceNote(services: Services, entries: Record<string, string>): string {
  if (services.isAddOn) return 'A full sync runs every hour (the most an add-on may).';
  return paceNote(schedulePace(entries), accountKind(entries[SETTING_KEYS.accountType]));
}

/**
 * Called at the end of a scheduled run that began at `executionStartedAt`: when the run was quiet, remembers its
 * duration (when it changed clearly) and, when it and the quiet run before call for another interval, replaces the
 * time-driven trigger and leaves a line for the Sync Log.
 */
export function paceSchedule(services: Services, summary: SyncSummary, executionStartedAt: number): void {
  if (services.isAddOn || !isQuiet(summary)) return;
  const runMs = Math.round(services.clock.now() - executionStartedAt);
  const entries = services.store.getAll();
  const account = accountKind(entries[SETTING_KEYS.accountType]);
  const current = schedulePace(entries);
  const pace = { everyMinutes: nextPace(current.everyMinutes, runMs, account, current.runMs), runMs };
  const changed = pace.everyMinutes !== current.everyMinutes;
  if (!changed && !remeasured(current, runMs, account)) return;
  if (changed) {
    services.triggers.reschedule(pace.everyMinutes);
    queueLog(services, entries, [{ direction: 'info', leadId: '', message: paceChangeMessage(current.everyMinutes, pace, account), at: services.clock.now() }]);
  }
  services.store.set({ [STATE_KEYS.schedulePace]: JSON.stringify(pace) });
}
