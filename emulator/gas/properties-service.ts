// PropertiesService: script, document and user property stores, strings only, with the Apps Script size limits.
import type { Execution } from './execution';
import type { PropertyStore } from './property-store';
import { serviceObject } from './service-object';

/** Largest value, in bytes (9 KB). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
/** Largest store, keys and values together, in bytes (500 KB). */
export const PROPERTY_STORE_LIMIT = 500 * 1024;
const VALUE_TOO_LARGE = 'Argument too large: value';
const QUOTA_EXCEEDED = 'You have exceeded the property storage quota. Please remove some properties and try again.';

/** The stores one execution may reach; `document` is null where there is no document (e.g. a web app). */
export interface PropertyStores {
  script: PropertyStore;
  user: PropertyStore;
  document: PropertyStore | null;
}

function createProperties(env: Execution, store: PropertyStore): object {
  // Checks and applies a batch of changes (null deletes) as one write, or changes nothing.
  const write = (changes: Record<string, string | null>, clearFirst = false): void => {
    for (const value of Object.values(changes)) {
      if (value !== null && Buffer.byteLength(value) > PROPERTY_VALUE_LIMIT) env.fail(VALUE_TOO_LARGE);
    }
    if (store.sizeWith(changes, clearFirst) > PROPERTY_STORE_LIMIT) env.fail(QUOTA_EXCEEDED);
    if (clearFirst) store.clear();
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) store.delete(key);
      else store.set(key, value);
    }
  };
  const properties = serviceObject(env, 'Properties', 'Properties', {
    getProperty: (key: unknown) => store.get(String(key)),
    getProperties: () => env.realm.adopt(store.entries()),
    getKeys: () => env.realm.adopt(Object.keys(store.entries())),
    setProperty: (key: unknown, value: unknown) => {
      write({ [String(key)]: String(value) });
      return properties;
    },
    setProperties: (values: unknown, deleteAllOthers?: unknown) => {
      const changes: Record<string, string> = {};
      for (const [key, value] of Object.entries((values ?? {}) as Record<string, unknown>)) changes[key] = String(value);
      write(changes, deleteAllOthers === true);
      return properties;
    },
    deleteProperty: (key: unknown) => {
      store.delete(String(key));
      return properties;
    },
    deleteAllProperties: () => {
      store.clear();
      return properties;
    },
  });
  return properties;
}

/** The PropertiesService global for one execution. */
export function createPropertiesService(env: Execution, stores: PropertyStores): object {
  return serviceObject(env, 'PropertiesService', 'PropertiesService', {
    getScriptProperties: () => createProperties(env, stores.script),
    getUserProperties: () => createProperties(env, stores.user),
    getDocumentProperties: () => (stores.document ? createProperties(env, stores.document) : null),
  });
}
