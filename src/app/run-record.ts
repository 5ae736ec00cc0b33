// What the last runs leave for the sidebar and doGet: the last summary and the recent errors.
import type { Services } from '../adapters/gas-services';
import type { KeyValueStore } from './ports';
import { STATE_KEYS } from '../core/settings';
import type { RecentError } from './sidebar-types';
import { listedErrors, type SyncSummary } from '../core/sync-summary';
import { errorMessage } from './error-message';

// The cache may lose the latest summary at any time; the stored one is then shown, so it is never older than this.
const STORED_SUMMARY_MAX_AGE_MS = 10 * 60 * 1000;

/**
 * The summary of the last run, kept for the sidebar and doGet: in the cache, and in properties when it says something
 * new or the stored one is getting old (a run that changes nothing writes no property most of the time). The run's
 * changes are made by now: failing to record them is reported, never thrown.
 */
export function rememberSummary(services: Services, full: SyncSummary): void {
  const summary = { ...full, errors: listedErrors(full.errors) };
  try {
    const text = JSON.stringify(summary);
    services.cache.put(STATE_KEYS.lastRun, text, 21_600);
    const storedText = services.store.get(STATE_KEYS.lastRun);
    const stored = storedText ? (JSON.parse(storedText) as SyncSummary) : null;
    const timeless = (other: SyncSummary) => JSON.stringify({ ...other, at: '' });
    const stale = !stored || Date.parse(summary.at) - Date.parse(stored.at) >= STORED_SUMMARY_MAX_AGE_MS;
    if (stale || timeless(stored) !== timeless(summary)) services.store.set({ [STATE_KEYS.lastRun]: text });
    rememberErrors(services, summary);
  } catch (error) {
    services.log.error(`The status of the run could not be stored: ${errorMessage(error, [])}`);
  }
}

// The sidebar lists this many; older ones are in the Sync Log and the execution log.
const RECENT_ERRORS_KEPT = 10;

/** The latest failures and refusals recorded in `store`, newest first. */
export function recentErrors(store: KeyValueStore): RecentError[] {
  try {
    const parsed: unknown = JSON.parse(store.get(STATE_KEYS.recentErrors) ?? '[]');
    return Array.isArray(parsed) ? (parsed as RecentError[]) : [];
  } catch {
    return [];
  }
}

/**
 * Adds the run's errors to the recent ones, unless they repeat the newest (a lasting failure writes once). A full run
 * that ran to the end replaces them: an earlier error it does not repeat is fixed, or shown by the flag on its row.
 */
function rememberErrors(services: Services, summary: SyncSummary): void {
  if (summary.busy) return;
  const known = recentErrors(services.store);
  const replaces = summary.kind === 'full' && summary.status !== undefined;
  const earlier = replaces ? [] : known;
  if (summary.errors.length === 0 && earlier.length === known.length) return;
  if (summary.errors.every((message, index) => known[index]?.message === message) && earlier.length === known.length) return;
  const fresh = summary.errors.map((message) => ({ at: summary.at, message }));
  writeErrors(services.store, [...fresh, ...earlier]);
}

function writeErrors(store: KeyValueStore, errors: RecentError[]): void {
  store.set({ [STATE_KEYS.recentErrors]: JSON.stringify(errors.slice(0, RECENT_ERRORS_KEPT)) });
}

/** Removes one error a person dismissed from `store`; true when it was there. */
export function dismissRecentError(store: KeyValueStore, error: RecentError): boolean {
  const known = recentErrors(store);
  const kept = known.filter((candidate) => candidate.at !== error.at || candidate.message !== error.message);
  if (kept.length === known.length) return false;
  writeErrors(store, kept);
  return true;
}

/** The summary of the last run, or null before the first. */
export function lastSummary(services: Services): SyncSummary | null {
  return parseSummary(services.cache.get(STATE_KEYS.lastRun)) ?? storedSummary(services.store);
}

/** The summary of the last run kept in `store`, or null. */
export function storedSummary(store: KeyValueStore): SyncSummary | null {
  return parseSummary(store.get(STATE_KEYS.lastRun));
}

function parseSummary(text: string | null): SyncSummary | null {
  return text ? (JSON.parse(text) as SyncSummary) : null;
}

/** The later of two summaries (either may be null). */
export function laterSummary(a: SyncSummary | null, b: SyncSummary | null): SyncSummary | null {
  if (!a || !b) return a ?? b;
  return Date.parse(b.at) > Date.parse(a.at) ? b : a;
}

/** Two lists of recent errors as one, newest first, as many as the sidebar keeps. */
export function mergedErrors(a: RecentError[], b: RecentError[]): RecentError[] {
  return [...a, ...b].sort((x, y) => Date.parse(y.at) - Date.parse(x.at)).slice(0, RECENT_ERRORS_KEPT);
}
