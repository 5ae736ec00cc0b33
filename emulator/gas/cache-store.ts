// One cache (script, document or user) that outlives executions; entries expire on the emulator's clock.
import type { Clock } from '../clock';

interface Entry {
  value: string;
  expiresAt: number;
}

/** String keys to string values with an expiry instant. Direct use from tests is not counted. */
export class CacheStore {
  private readonly stored = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

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

  /** Stores `value` for `ttlSeconds` from now. */
  put(key: string, value: string, ttlSeconds: number): void {
    this.stored.set(key, { value, expiresAt: this.clock.now() + ttlSeconds * 1000 });
  }

  delete(key: string): void {
    this.stored.delete(key);
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
}
