// Runs a sync under the script lock and turns every failure into a summary with a readable, secret-free message.
import type { Services } from '../adapters/gas-services';
import { connectionProblemOf } from './connection-problem';
import { errorMessage } from './error-message';
import { secretsIn } from '../core/settings';
import { rememberSummary } from './run-record';
import type { SyncSummary } from '../core/sync-summary';
import { failedSummary } from './run-summary';
import { runSync, type SyncRequest } from './sync-run';

/** How long each kind of run waits for the lock before leaving its work for the next run. */
export const LOCK_WAIT_MS = { manual: 30_000, schedule: 10_000, edit: 5_000, webhook: 3_000 } as const;

/** Runs `work` under the script lock; undefined when another run held the lock for longer than `lockWaitMs`. */
export function underLock<T>(services: Services, lockWaitMs: number, work: () => T): T | undefined {
  if (!services.lock.tryLock(lockWaitMs)) return undefined;
  try {
    return work();
  } finally {
    services.lock.release();
  }
}

/** Takes the lock (or reports that another run holds it), runs, releases, and records the summary. */
export function guardedSync(services: Services, request: SyncRequest, lockWaitMs: number): SyncSummary {
  const startedAt = services.clock.now();
  if (!services.lock.tryLock(lockWaitMs)) {
    return { ...failedSummary(request.kind, startedAt, 'Another sync is running; this one is left for the next run.'), busy: true };
  }
  let summary: SyncSummary;
  try {
    summary = runSync(services, request, startedAt);
  } catch (error) {
    const message = errorMessage(connectionProblemOf(error) ?? error, secretsIn(services.store.getAll()));
    services.log.error(`Sync failed: ${message}`);
    summary = failedSummary(request.kind, startedAt, message);
  } finally {
    services.lock.release();
  }
  rememberSummary(services, summary);
  return summary;
}
