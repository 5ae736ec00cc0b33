// Test fixture: the services of the app layer over in-memory properties and cache, with Apps Script's size limits.
import type { Services } from '../../src/adapters/gas-services';

/** Apps Script's limit on one property value. */
export const VALUE_LIMIT = 9 * 1024;

/** Properties and cache as Apps Script keeps them, with its size limit; `refuseWrites` makes every write throw. */
export function fakeServices(options: { refuseWrites?: boolean } = {}) {
  const properties = new Map<string, string>();
  const cache = new Map<string, string>();
  const logged: string[] = [];
  const services = {
    store: {
      get: (key: string) => properties.get(key) ?? null,
      getAll: () => Object.fromEntries(properties),
      set(entries: Record<string, string>) {
        if (options.refuseWrites) throw new Error('Service invoked too many times: properties');
        for (const value of Object.values(entries)) if (Buffer.byteLength(value) > VALUE_LIMIT) throw new Error('Argument too large: value');
        for (const [key, value] of Object.entries(entries)) properties.set(key, value);
      },
      delete: (keys: string[]) => keys.forEach((key) => properties.delete(key)),
    },
    cache: {
      get: (key: string) => cache.get(key) ?? null,
      put(key: string, value: string) {
        if (Buffer.byteLength(value) > 100 * 1024) throw new Error('Argument too large: value');
        cache.set(key, value);
      },
    },
    lock: { tryLock: () => true, release: () => undefined },
    clock: { now: () => Date.UTC(2026, 0, 1), sleep: () => undefined },
    log: { error: (message: string) => logged.push(message) },
  } as unknown as Services;
  return { services, properties, logged };
}
