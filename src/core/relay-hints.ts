// The relay of an installed add-on: where its web app leaves board-change hints for one sheet, and their tiny format.
import { textHash } from './text-hash';

/** What the relay keeps of a delivery: which card changed and by which action — nothing else. */
export interface RelayHint {
  cardId: string;
  actionId: string;
}

/**
 * Slots per sheet: a card always lands in the same slot (its later hints replace its earlier ones), so a sheet's
 * share of the shared store is capped by construction, whoever sends what.
 */
export const RELAY_SLOTS = 20;

const RELAY_PREFIX = 'RELAY:';
const TRELLO_ID = /^[0-9a-f]{24}$/i;

/** The key of a sheet's hints, from the digest of its relay secret (never the secret itself). */
export function relayKey(secretDigest: string): string {
  return RELAY_PREFIX + secretDigest;
}

/** True for keys `relayKey` makes (to count the relay's entries in a shared store). */
export function isRelayKey(key: string): boolean {
  return key.startsWith(RELAY_PREFIX);
}

/** The slot key of `cardId` under `key`. */
export function relaySlotKey(key: string, cardId: string): string {
  return `${key}#${parseInt(textHash(cardId).slice(-6), 16) % RELAY_SLOTS}`;
}

/** Every slot key under `key`, to read them all in one call. */
export function relaySlotKeys(key: string): string[] {
  return Array.from({ length: RELAY_SLOTS }, (_, slot) => `${key}#${slot}`);
}

/** A hint as stored. */
export function formatRelayHint(hint: RelayHint): string {
  return `${hint.cardId}:${hint.actionId}`;
}

/** A stored hint, or undefined for anything that is not two Trello ids. */
export function parseRelayHint(text: string): RelayHint | undefined {
  const [cardId, actionId, ...rest] = text.split(':');
  // Stryker disable next-line StringLiteral: split always yields cardId, and a missing actionId fails the id test whatever stands in
  return rest.length === 0 && TRELLO_ID.test(cardId ?? '') && TRELLO_ID.test(actionId ?? '') ? { cardId, actionId } : undefined;
}

/** Hints merged by card (the newest given last wins), at most RELAY_SLOTS of them. */
export function mergeRelayHints(hints: readonly RelayHint[]): RelayHint[] {
  const byCard = new Map<string, RelayHint>();
  for (const hint of hints) {
    byCard.delete(hint.cardId);
    byCard.set(hint.cardId, hint);
  }
  return Array.from(byCard.values()).slice(-RELAY_SLOTS);
}
