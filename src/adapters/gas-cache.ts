// ShortCache over the Apps Script script cache.
import type { ShortCache } from '../app/ports';

/** Script cache adapter. */
export class GasCache implements ShortCache {
  constructor(private readonly cache: GoogleAppsScript.Cache.Cache) {}

  get(key: string): string | null {
    return this.cache.get(key);
  }

  put(key: string, value: string, ttlSeconds: number): void {
    this.cache.put(key, value, ttlSeconds);
  }
}
