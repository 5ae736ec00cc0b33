// Where the add-on's own card changes are remembered for telling their echoes: one cache entry (a lost one only sends
// an echo down the normal path, which reads the card and finds nothing to do).
import { OWN_WRITE_MS, takeEcho, withWrites, type OwnWrite } from '../core/own-writes';
import type { WebhookHint } from '../core/webhook-event';
import type { ShortCache } from './ports';

/** The cache entry holding the remembered writes (JSON). */
const OWN_WRITES_KEY = 'OWN_CARD_WRITES';

function remembered(cache: ShortCache): OwnWrite[] {
  try {
    const parsed: unknown = JSON.parse(cache.get(OWN_WRITES_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as OwnWrite[]) : [];
  } catch {
    return [];
  }
}

function store(cache: ShortCache, writes: OwnWrite[]): void {
  cache.put(OWN_WRITES_KEY, JSON.stringify(writes), OWN_WRITE_MS / 1000);
}

/** Adds `writes` to those remembered. The caller holds the script lock, as every reader of them does. */
export function rememberOwnWrites(cache: ShortCache, writes: readonly OwnWrite[], now: number): void {
  if (writes.length === 0) return;
  store(cache, withWrites(remembered(cache), writes, now));
}

/** True when a write to the card `hint` names is remembered (read without the lock: only a hint of what to do). */
export function concernsOwnWrite(cache: ShortCache, hint: WebhookHint): boolean {
  return remembered(cache).some((write) => write.cardId === hint.cardId);
}

/**
 * True when `hint` is the echo of a remembered write (which is then used up); any other delivery about the card
 * forgets the card's earlier writes. The caller holds the script lock, so no write is used up twice.
 */
export function takeOwnEcho(cache: ShortCache, hint: WebhookHint, now: number): boolean {
  const known = remembered(cache);
  if (known.length === 0) return false;
  const { echo, writes } = takeEcho(known, hint, now);
  if (writes.length !== known.length) store(cache, writes);
  return echo;
}
