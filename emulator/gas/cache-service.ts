// CacheService: script, document and user caches with Apps Script's key, value and expiration limits.
import type { CacheStore } from './cache-store';
import type { Execution } from './execution';
import { serviceObject } from './service-object';

/** Longest key, in characters. */
export const CACHE_KEY_LIMIT = 250;
/** Largest value, in bytes (100 KB). */
export const CACHE_VALUE_LIMIT = 100 * 1024;
/** Default time to live, in seconds (10 minutes). */
export const CACHE_DEFAULT_TTL = 600;
/** Longest time to live, in seconds (6 hours); longer requests are capped. */
export const CACHE_MAX_TTL = 21_600;

/** The caches one execution may reach; `document` is null where there is no document. */
export interface CacheStores {
  script: CacheStore;
  user: CacheStore;
  document: CacheStore | null;
}

function createCache(env: Execution, store: CacheStore): object {
  const checkKey = (key: unknown): string => {
    const text = String(key);
    if (text.length > CACHE_KEY_LIMIT) env.fail('Argument too large: key');
    return text;
  };
  const ttlOf = (seconds: unknown): number =>
    seconds === undefined ? CACHE_DEFAULT_TTL : Math.min(Math.max(Number(seconds), 1), CACHE_MAX_TTL);
  // Validates every entry before storing any, so a failing putAll stores nothing.
  const putEntries = (values: Record<string, unknown>, seconds: unknown): void => {
    const checked = Object.entries(values).map(([key, value]) => {
      const text = String(value);
      if (Buffer.byteLength(text) > CACHE_VALUE_LIMIT) env.fail('Argument too large: value');
      return [checkKey(key), text] as const;
    });
    const ttl = ttlOf(seconds);
    for (const [key, text] of checked) store.put(key, text, ttl);
  };
  return serviceObject(env, 'Cache', 'Cache', {
    get: (key: unknown) => store.read(checkKey(key)),
    getAll: (keys: unknown) => {
      const found: Record<string, string> = {};
      for (const key of (keys ?? []) as unknown[]) {
        const value = store.read(checkKey(key));
        if (value !== null) found[String(key)] = value;
      }
      return env.realm.adopt(found);
    },
    put: (key: unknown, value: unknown, seconds?: unknown) => putEntries({ [String(key)]: value }, seconds),
    putAll: (values: unknown, seconds?: unknown) => putEntries((values ?? {}) as Record<string, unknown>, seconds),
    remove: (key: unknown) => store.delete(checkKey(key)),
    removeAll: (keys: unknown) => {
      for (const key of (keys ?? []) as unknown[]) store.delete(checkKey(key));
    },
  });
}

/** The CacheService global for one execution. */
export function createCacheService(env: Execution, stores: CacheStores): object {
  return serviceObject(env, 'CacheService', 'CacheService', {
    getScriptCache: () => createCache(env, stores.script),
    getUserCache: () => createCache(env, stores.user),
    getDocumentCache: () => (stores.document ? createCache(env, stores.document) : null),
  });
}
