// Where a running sync leaves its progress for the sidebar's poll: one cache entry, written every few seconds.
import type { Clock, ShortCache } from './ports';
import type { RunProgress } from '../core/run-progress';

const PROGRESS_KEY = 'RUN_PROGRESS';
/** How often a run writes its progress at most (emulated or real time): one cache put per few Trello groups. */
export const PROGRESS_EVERY_MS = 5_000;
/** A progress entry outlives its run by this much at most (a run that died leaves no bar for long). */
const PROGRESS_TTL_SECONDS = 60;

/**
 * A reporter for `total` Trello writes: called after each group with how many were answered, it puts the progress in
 * the cache when PROGRESS_EVERY_MS passed since the last put, and at the end only when it put one before (so the bar
 * closes): a short run costs no cache call.
 */
export function progressReporter(cache: ShortCache, clock: Clock, total: number, creates: boolean, until: number): (done: number) => void {
  const startedAt = clock.now();
  let lastPut = startedAt;
  let shown = false;
  return (done) => {
    const at = clock.now();
    if (done < total ? at - lastPut < PROGRESS_EVERY_MS : !shown) return;
    lastPut = at;
    shown = true;
    const progress: RunProgress = { done, total, creates, startedAt, at, until };
    cache.put(PROGRESS_KEY, JSON.stringify(progress), PROGRESS_TTL_SECONDS);
  };
}

/** The progress of a run still sending its writes, or null (none running, or the last one finished). */
export function runningProgress(cache: ShortCache): RunProgress | null {
  try {
    const progress = JSON.parse(cache.get(PROGRESS_KEY) ?? 'null') as RunProgress | null;
    return progress && progress.done < progress.total ? progress : null;
  } catch {
    return null; // an unreadable entry only hides the bar
  }
}
