// KeyValueStore over Apps Script Properties (Script Properties in a bound script, Document Properties as an add-on).
import type { KeyValueStore } from '../app/ports';

/** Property store adapter; writes only what changed (Properties writes have a daily quota). */
export class GasPropertyStore implements KeyValueStore {
  constructor(private readonly properties: GoogleAppsScript.Properties.Properties) {}

  get(key: string): string | null {
    return this.properties.getProperty(key);
  }

  getAll(): Record<string, string> {
    return this.properties.getProperties();
  }

  set(entries: Record<string, string>, known?: Record<string, string>): void {
    const changed: Record<string, string> = {};
    for (const [key, value] of Object.entries(entries)) {
      if (!known || known[key] !== value) changed[key] = value;
    }
    if (Object.keys(changed).length > 0) this.properties.setProperties(changed);
  }

  delete(keys: string[]): void {
    for (const key of keys) this.properties.deleteProperty(key);
  }
}
