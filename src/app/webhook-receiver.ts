// The Trello webhook receiver (doPost): checks the secret and the board, dedupes, and syncs the named card — or leaves
// the delivery for the next run when the lock is busy. Never throws.
import type { Services } from '../adapters/gas-services';
import { readWebhookBody } from '../core/webhook-event';
import { errorMessage } from './error-message';
import { LOCK_WAIT_MS, underLock } from './run-guard';
import { concernsOwnWrite, takeOwnEcho } from './own-writes';
import { isConnected, secretsOf, settingsFrom } from '../core/settings';
import { syncCardHints } from './card-hint-sync';
import { isWebhookSecret } from './webhook-secret';

/** The parts of a web app POST event the receiver reads. */
export interface WebhookEvent {
  parameter?: Record<string, string>;
  postData?: { contents?: string };
}

/** How long a delivery's action id is remembered for dedupe (Trello resends within minutes). */
const DEDUPE_SECONDS = 6 * 60 * 60;

/** Handles one delivery and answers a short status word (the reply's content; Trello only sees a 302). */
export function receiveWebhook(services: Services, event: WebhookEvent | undefined): string {
  // Anyone can call the web app: the secret is checked against the cache before any property is read.
  const given = typeof event?.parameter?.secret === 'string' ? event.parameter.secret : '';
  if (!isWebhookSecret(services, given)) return 'ignored';
  const settings = settingsFrom(services.store.getAll());
  try {
    if (!isConnected(settings)) return 'ignored';
    const reading = readWebhookBody(typeof event?.postData?.contents === 'string' ? event.postData.contents : '');
    if ('ignored' in reading) return 'ignored';
    const { hint } = reading;
    if (hint.boardId !== settings.boardId) return 'ignored';
    const seenKey = `action:${hint.actionId}`;
    if (services.cache.get(seenKey)) return 'duplicate';
    // The echo of the add-on's own change is told before anything is read (under the lock: a write echoes once).
    const echo = concernsOwnWrite(services.cache, hint) ? underLock(services, LOCK_WAIT_MS.webhook, () => takeOwnEcho(services.cache, hint, services.clock.now())) : false;
    if (echo) {
      services.cache.put(seenKey, 'seen', DEDUPE_SECONDS);
      return 'echo';
    }
    // When the lock was busy just now, the delivery is left for the next run at once rather than waited for again.
    const summary = syncCardHints(services, [hint], echo === undefined ? 0 : LOCK_WAIT_MS.webhook);
    // Marked seen only now: a resend of a delivery that was not even queued is worth another try.
    services.cache.put(seenKey, 'seen', DEDUPE_SECONDS);
    if (summary.busy) return 'queued';
    return summary.ok ? 'ok' : 'failed';
  } catch (error) {
    services.log.error(`Webhook delivery failed: ${errorMessage(error, secretsOf(settings))}`);
    return 'failed';
  }
}
