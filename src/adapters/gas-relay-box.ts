// The relay box of an installed add-on: hints its web app (running as the developer, with no document) leaves in the
// script cache, which every execution of the script shares; Script Properties hold them when the cache refuses.
import type { RelayBox } from '../app/ports';
import { formatRelayHint, isRelayKey, mergeRelayHints, parseRelayHint, relaySlotKey, relaySlotKeys, type RelayHint } from '../core/relay-hints';

/** Hints older than this are moot: the hourly run has read the whole board since. */
const RELAY_TTL_SECONDS = 2 * 60 * 60;

/** Most sheets whose hints may wait in Script Properties at once (each holds at most RELAY_SLOTS hints). */
export const MAX_FALLBACK_SHEETS = 100;

function parsedList(text: string | null): RelayHint[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? value.map((entry) => parseRelayHint(String(entry))).filter((hint): hint is RelayHint => hint !== undefined) : [];
  } catch {
    return [];
  }
}

/** RelayBox over the script cache, with a capped fallback in Script Properties. */
export class GasRelayBox implements RelayBox {
  constructor(
    private readonly cache: GoogleAppsScript.Cache.Cache,
    private readonly properties: GoogleAppsScript.Properties.Properties,
  ) {}

  /** One cache write: no read, so concurrent deliveries never overwrite each other's cards. */
  leave(key: string, hint: RelayHint): void {
    try {
      this.cache.put(relaySlotKey(key, hint.cardId), formatRelayHint(hint), RELAY_TTL_SECONDS);
    } catch {
      this.leaveInProperties(key, hint);
    }
  }

  /** The fallback: one property per sheet, capped in hints and in sheets; past the cap the hourly run catches up. */
  private leaveInProperties(key: string, hint: RelayHint): void {
    const waiting = this.properties.getProperty(key);
    if (waiting === null && this.properties.getKeys().filter(isRelayKey).length >= MAX_FALLBACK_SHEETS) return;
    this.properties.setProperty(key, JSON.stringify(mergeRelayHints([...parsedList(waiting), hint]).map(formatRelayHint)));
  }

  /**
   * Reads every slot in one call and removes those found; a hint left between the read and the removal is lost to
   * this path (the hourly run still syncs its card).
   */
  take(key: string): RelayHint[] {
    const found = this.cache.getAll(relaySlotKeys(key));
    const slots = Object.keys(found);
    if (slots.length > 0) this.cache.removeAll(slots);
    const waiting = this.properties.getProperty(key);
    if (waiting !== null) this.properties.deleteProperty(key);
    const cached = Object.values(found).map(parseRelayHint).filter((hint): hint is RelayHint => hint !== undefined);
    return mergeRelayHints([...parsedList(waiting), ...cached]);
  }
}
