// The relay of an installed add-on. Its web app runs as the developer with no document, so it cannot open a user's
// sheet: doPost only leaves a hint (card id and action id) under the digest of the sheet's secret, and the users' own
// executions (edit trigger, open sidebar) take their sheet's hints and sync those cards, re-read from Trello.
import type { Services } from '../adapters/gas-services';
import { relayKey } from '../core/relay-hints';
import { isConnected, settingsFrom } from '../core/settings';
import type { SyncSummary } from '../core/sync-summary';
import { readWebhookBody } from '../core/webhook-event';
import { syncCardHints } from './card-hint-sync';
import type { RelayBox } from './ports';
import { LOCK_WAIT_MS } from './run-guard';
import type { WebhookEvent } from './webhook-receiver';

/** The query parameter of a relayed webhook's callback URL (the sheet's secret). */
export const RELAY_PARAMETER = 'relay';

/** What a relay secret looks like (the add-on generates them); anything else is refused before any call. */
const RELAY_SECRET = /^[A-Za-z0-9_-]{32,128}$/;

/** The callback URL that relays a sheet's board changes through the web app at `webAppUrl`. */
export function relayCallbackUrl(webAppUrl: string, secret: string): string {
  return `${webAppUrl}?${RELAY_PARAMETER}=${encodeURIComponent(secret)}`;
}

/**
 * doPost's relay path: leaves the delivery's card and action ids for the sheet whose secret the URL carries. It
 * cannot tell a real secret from a guess (the secrets live in the users' documents), and need not: a hint is only
 * ever read by the sheet whose secret makes its key, every hint is re-read from Trello before anything is written,
 * and each key holds a capped number of slots. Costs one cache write.
 */
export function relayDelivery(box: RelayBox, digest: (text: string) => string, event: WebhookEvent | undefined): string {
  const secret = event?.parameter?.[RELAY_PARAMETER];
  if (typeof secret !== 'string' || !RELAY_SECRET.test(secret)) return 'ignored';
  const reading = readWebhookBody(typeof event?.postData?.contents === 'string' ? event.postData.contents : '');
  if ('ignored' in reading) return 'ignored';
  box.leave(relayKey(digest(secret)), { cardId: reading.hint.cardId, actionId: reading.hint.actionId });
  return 'relayed';
}

/**
 * Takes this sheet's relayed hints and syncs their cards; null when none waited (or the sheet has no relay).
 * `entries`: the sheet's settings store, when the caller has just read it.
 */
export function drainRelay(services: Services, entries = services.store.getAll()): SyncSummary | null {
  const settings = settingsFrom(entries);
  if (!settings.webhookSecret || !isConnected(settings)) return null;
  const hints = services.relay.take(relayKey(services.digest(settings.webhookSecret)));
  if (hints.length === 0) return null;
  const now = services.clock.now();
  const cards = hints.map((hint) => ({ ...hint, type: 'relayed', boardId: settings.boardId, date: now, relayed: true }));
  return syncCardHints(services, cards, LOCK_WAIT_MS.webhook);
}
