// What the last runs leave for the sidebar and doGet: the last summary and the recent errors.
import type { Services } from '../adapters/gas-services';
import { STATE_KEYS } from '../core/settings';
import type { RecentError } from './sidebar-types';
import { listedErrors, type SyncSummary } from '../core/sync-summary';
import { errorMessage } from './error-message';

/**
 * The summary of the last run, kept for the sidebar and doGet (cache first, properties when it says something new).
 * The run's changes are made by now: failing to record them is reported, never thrown.
 */
export function rememberSummary(services: Services, full: SyncSummary): void {
  const summary = { ...full, errors: listedErrors(full.errors) };
  try {
    const text = JSON.stringify(summary);
    services.cache.put(STATE_KEYS.lastRun, text, 21_600);
    const stored = services.store.get(STATE_KEYS.lastRun);
    const timeless = (other: SyncSummary) => JSON.stringify({ ...other, at: '' });
    if (!stored || timeless(JSON.parse(stored) as SyncSummary) !== timeless(summary)) services.store.set({ [STATE_KEYS.lastRun]: text });
    rememberErrors(services, summary);
  } catch (error) {
    services.log.error(`The status of the run could not be stored: ${errorMessage(error, [])}`);
  }
}

// The sidebar lists this many; older ones are in the Sync Log and the execution log.
const RECENT_ERRORS_KEPT = 10;

/** The latest failures and refusals, newest first. */
export function recentErrors(services: Services): RecentError[] {
  try {
    const parsed: unknown = JSON.parse(services.store.get(STATE_KEYS.recentErrors) ?? '[]');
    return Array.isArray(parsed) ? (parsed as RecentError[]) : [];
  } catch {
    return [];
  }
}

/** Adds the run's errors to the recent ones, unless they repeat the newest (a lasting failure writes once). */
function rememberErrors(services: Services, summary: SyncSummary): void {
  if (summary.busy || summary.errors.length === 0) return;
  const known = recentErrors(services);
  if (summary.errors.every((message, index) => known[index]?.message === message)) return;
  const fresh = summary.errors.map((message) => ({ at: summary.at, message }));
  services.store.set({ [STATE_KEYS.recentErrors]: JSON.stringify([...fresh, ...known].slice(0, RECENT_ERRORS_KEPT)) });
}

/** The summary of the last run, or null before the first. */
export function lastSummary(services: Services): SyncSummary | null {
  const text = services.cache.get(STATE_KEYS.lastRun) ?? services.store.get(STATE_KEYS.lastRun);
  return text ? (JSON.parse(text) as SyncSummary) : null;
}
