// Syncs the cards that board-change hints name (webhook deliveries, relayed hints, polled board actions), and keeps
// them for the next run when this one could not finish.
import type { Services } from '../adapters/gas-services';
import { hasRoomFor, STATE_KEYS } from '../core/settings';
import type { SyncSummary } from '../core/sync-summary';
import type { WebhookHint } from '../core/webhook-event';
import { raiseFullPull } from './full-pull-flag';
import { guardedSync } from './run-guard';

/**
 * Runs a 'cards' sync of `hints`; when the lock was busy or the run did not finish, the cards wait durably for the
 * next run of any kind (past the cap, the next full run reads every card and says so).
 */
export function syncCardHints(services: Services, hints: WebhookHint[], lockWaitMs: number): SyncSummary {
  const summary = guardedSync(services, { kind: 'cards', hints }, lockWaitMs);
  if (!summary.ok || !summary.finished) {
    if (hasRoomFor(services.store.getAll(), STATE_KEYS.cardHintPrefix, hints.length)) {
      services.store.set(Object.fromEntries(hints.map((hint) => [STATE_KEYS.cardHintPrefix + hint.cardId, String(hint.date)])));
    } else raiseFullPull(services, 'deliveries');
  }
  return summary;
}
