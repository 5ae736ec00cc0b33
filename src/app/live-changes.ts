// The open sidebar's poll: brings board changes into the sheet within seconds in every mode, the cheapest way each
// mode allows.
import type { Services } from '../adapters/gas-services';
import { isConnected, readableSettings, STATE_KEYS } from '../core/settings';
import { pollBoardActions } from './board-actions-poll';
import { runningProgress } from './progress-record';
import { drainRelay } from './relay';
import type { LiveChanges } from './sidebar-types';
import { storedWebhookState } from './webhook-upkeep';

/** Whether this sheet has a webhook Trello still delivers (as far as the last full run saw). */
function hasLiveWebhook(entries: Record<string, string>): boolean {
  return Boolean(entries[STATE_KEYS.webhookId]) && storedWebhookState(entries)?.active !== false;
}

/**
 * One poll: a bound script with a working webhook needs none; an add-on with one takes its relayed hints (no Trello
 * request while nothing changed); without a webhook, the board's actions since the cursor are read (one request).
 * Also answers the progress a running sync left in the cache (one cache read).
 */
export function pollChanges(services: Services): LiveChanges {
  // Read first: while a long run holds the lock, its progress is what the poll has to show.
  const progress = runningProgress(services.cache);
  const entries = services.store.getAll();
  // Nothing can change before key, token and board are entered: the sidebar must not claim to be live.
  if (!isConnected(readableSettings(entries).settings)) return { source: 'not connected', synced: null, progress };
  if (!hasLiveWebhook(entries)) return { source: 'board actions', synced: pollBoardActions(services, entries), progress };
  if (services.isAddOn) return { source: 'relay', synced: drainRelay(services, entries), progress };
  return { source: 'webhook', synced: null, progress };
}
