// One cache (script, document or user) that outlives executions: entries expire on the emulator's clock, the store
// keeps at most 1,000 items (past that, the 900 farthest from expiry), and entries may vanish at any time.
import { seededRandom } from '../seeded-random';
import type { Clock } from '../clock';

/** Most items a cache holds, the Apps Script cap. */
export const CACHE_ITEM_CAP = 1000;
/** Items kept when a write goes past the cap: the ones farthest from expiry. */
export const CACHE_ITEMS_KEPT = 900;

/** Entries that vanish before their time, as Apps Script allows: each read of a live entry loses it with `rate`. */
export interface CacheEviction {
  /** Chance (0…1) that a live entry is found evicted when read. */
  rate: number;
  /** Seed of the pseudo-random sequence, so a test run is repeatable. */
  seed: number;
}

interface Entry {
  value: string;
  expiresAt: number;
  /** Write order, to keep the newest among entries that expire at the same instant. */
  written: number;
}

/** String keys to string values with an expiry instant. Direct use from tests is not counted and never evicts. */
export class CacheStore {
  private readonly stored = new Map<string, Entry>();
  private writes = 0;
  private readonly random: (() => number) | null;

  constructor(
    private readonly clock: Clock,
    private readonly eviction: CacheEviction | null = null,
  ) {
    this.random = eviction ? seededRandom(eviction.seed) : null;
  }

  /** The value, or null if absent or expired. */
  get(key: string): string | null {
    const entry = this.stored.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.clock.now()) {
      this.stored.delete(key);
      return null;
    }
    return entry.value;
  }

  /** What a script's read finds: like get, except that with eviction on, a live entry may have vanished. */
  read(key: string): string | null {
    const value = this.get(key);
    if (value !== null && this.random && this.eviction && this.random() < this.eviction.rate) {
      this.stored.delete(key);
      return null;
    }
    return value;
  }

  /** Stores `value` for `ttlSeconds` from now; past the item cap, only the items farthest from expiry stay. */
  put(key: string, value: string, ttlSeconds: number): void {
    this.writes += 1;
    this.stored.delete(key);
    this.stored.set(key, { value, expiresAt: this.clock.now() + ttlSeconds * 1000, written: this.writes });
    if (this.stored.size > CACHE_ITEM_CAP) this.trim();
  }

  delete(key: string): void {
    this.stored.delete(key);
  }

  /** Evicts every entry now (as Apps Script may at any time). */
  evictAll(): void {
    this.stored.clear();
  }

  /** The live (unexpired) entries. */
  entries(): Record<string, string> {
    const live: Record<string, string> = {};
    for (const key of [...this.stored.keys()]) {
      const value = this.get(key);
      if (value !== null) live[key] = value;
    }
    return live;
  }

  /** Drops expired entries; if still over the cap, keeps the CACHE_ITEMS_KEPT farthest from expiry (newest wins a tie). */
  private trim(): void {
    const now = this.clock.now();
    const live = [...this.stored].filter(([, entry]) => entry.expiresAt > now);
    if (live.length > CACHE_ITEM_CAP) {
      live.sort(([, a], [, b]) => b.expiresAt - a.expiresAt || b.written - a.written);
      live.length = CACHE_ITEMS_KEPT;
    }
    this.stored.clear();
    for (const [key, entry] of live) this.stored.set(key, entry);
  }
}
