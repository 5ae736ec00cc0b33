// KeyValueStore over Apps Script Properties (Script Properties in a bound script, Document Properties as an add-on,
// or one document's part of User Properties), optionally under a key prefix.
import type { KeyValueStore } from '../app/ports';

/** Property store adapter; writes only what changed (Properties writes have a daily quota). */
export class GasPropertyStore implements KeyValueStore {
  /** @param prefix - put before every key, so that several stores can share one Properties object. */
  constructor(
    private readonly properties: GoogleAppsScript.Properties.Properties,
    private readonly prefix = '',
  ) {}

  get(key: string): string | null {
    return this.properties.getProperty(this.prefix + key);
  }

  getAll(): Record<string, string> {
    const all = this.properties.getProperties();
    if (!this.prefix) return all;
    const mine: Record<string, string> = {};
    for (const [key, value] of Object.entries(all)) if (key.startsWith(this.prefix)) mine[key.slice(this.prefix.length)] = value;
    return mine;
  }

  set(entries: Record<string, string>, known?: Record<string, string>): void {
    const changed: Record<string, string> = {};
    for (const [key, value] of Object.entries(entries)) {
      if (!known || known[key] !== value) changed[this.prefix + key] = value;
    }
    if (Object.keys(changed).length > 0) this.properties.setProperties(changed);
  }

  delete(keys: string[]): void {
    for (const key of keys) this.properties.deleteProperty(this.prefix + key);
  }
}
