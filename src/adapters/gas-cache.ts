// ShortCache over an Apps Script cache, optionally under a key prefix.
import type { ShortCache } from '../app/ports';

/** Cache adapter. */
export class GasCache implements ShortCache {
  /** @param prefix - put before every key, so that several documents can share one user cache. */
  constructor(
    private readonly cache: GoogleAppsScript.Cache.Cache,
    private readonly prefix = '',
  ) {}

  get(key: string): string | null {
    return this.cache.get(this.prefix + key);
  }

  put(key: string, value: string, ttlSeconds: number): void {
    this.cache.put(this.prefix + key, value, ttlSeconds);
  }
}
