// One property store (script, document or user properties) that outlives executions.

/** String keys to string values, as PropertiesService keeps them. Direct use from tests is not counted. */
export class PropertyStore {
  private readonly values = new Map<string, string>();

  /** The value, or null if the key is absent (as Properties.getProperty answers). */
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.values.set(key, value);
  }

  delete(key: string): void {
    this.values.delete(key);
  }

  clear(): void {
    this.values.clear();
  }

  /** A copy of every key and value. */
  entries(): Record<string, string> {
    return Object.fromEntries(this.values);
  }

  /** Bytes the store would take (UTF-8 keys plus values) if `changes` were applied; null values delete. */
  sizeWith(changes: Record<string, string | null> = {}, clearFirst = false): number {
    const merged = new Map(clearFirst ? [] : this.values);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) merged.delete(key);
      else merged.set(key, value);
    }
    let size = 0;
    for (const [key, value] of merged) size += Buffer.byteLength(key) + Buffer.byteLength(value);
    return size;
  }
}
