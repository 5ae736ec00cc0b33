// When a queue in properties is full, the change is not queued one by one: a flag tells the next full run, which
// reads everything anyway, to say in the Sync Log that it stood in for the queue.
import type { Services } from '../adapters/gas-services';
import { STATE_KEYS } from '../core/settings';
import type { LogLine } from '../core/sync-plan';
import { errorMessage } from './error-message';

/** The queues that can overflow. */
export type OverflowingQueue = 'deliveries' | 'edits';

const WHAT_THE_FULL_RUN_DID: Record<OverflowingQueue, string> = {
  deliveries: 'The queue of waiting webhook deliveries was full: this full run read the whole board instead, so no board change is lost.',
  edits: 'The queue of edit times was full: this full run synced the edits past it, with the sheet winning any conflict (their edit time was not kept).',
};

function raised(value: string | undefined): OverflowingQueue[] {
  return (value ?? '').split(',').filter((name): name is OverflowingQueue => name in WHAT_THE_FULL_RUN_DID);
}

/** Records that `queue` overflowed (outside the lock too: a lost flag costs only the log line, never a change). */
export function raiseFullPull(services: Services, queue: OverflowingQueue): void {
  try {
    const current = services.store.get(STATE_KEYS.fullPullNeeded) ?? '';
    if (!raised(current).includes(queue)) services.store.set({ [STATE_KEYS.fullPullNeeded]: [...raised(current), queue].join(',') });
  } catch (error) {
    services.log.error(`A full queue could not be recorded: ${errorMessage(error, [])}`);
  }
}

/** The Sync Log lines of the full run that stands in for the overflowed queues. */
export function fullPullLines(entries: Record<string, string>): LogLine[] {
  return raised(entries[STATE_KEYS.fullPullNeeded]).map((queue) => ({ direction: 'info', leadId: '', message: WHAT_THE_FULL_RUN_DID[queue] }));
}

/** Clears the flag the full run read, unless a queue overflowed again meanwhile. */
export function clearFullPull(services: Services, entries: Record<string, string>): void {
  const seen = entries[STATE_KEYS.fullPullNeeded];
  if (seen !== undefined && services.store.get(STATE_KEYS.fullPullNeeded) === seen) services.store.delete([STATE_KEYS.fullPullNeeded]);
}
