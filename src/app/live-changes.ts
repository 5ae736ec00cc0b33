// The open sidebar's poll: brings board changes into the sheet within seconds in every mode, the cheapest way each
// mode allows.
import type { Services } from '../adapters/gas-services';
import { STATE_KEYS } from '../core/settings';
import { pollBoardActions } from './board-actions-poll';
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
 */
export function pollChanges(services: Services): LiveChanges {
  const entries = services.store.getAll();
  if (!hasLiveWebhook(entries)) return { source: 'board actions', synced: pollBoardActions(services, entries) };
  if (services.isAddOn) return { source: 'relay', synced: drainRelay(services, entries) };
  return { source: 'webhook', synced: null };
}
