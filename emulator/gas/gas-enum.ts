// Apps Script enums: each value is an object that prints, and serialises, as its name.

/** One enum value (e.g. `ScriptApp.EventType.CLOCK`). */
export interface GasEnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

/** Makes an enum whose values are compared by identity, as scripts do (`e.authMode === ScriptApp.AuthMode.FULL`). */
export function gasEnum<N extends string>(names: readonly N[]): Readonly<Record<N, GasEnumValue>> {
  const values = {} as Record<N, GasEnumValue>;
  names.forEach((name, index) => {
    values[name] = Object.freeze({
      name: () => name,
      ordinal: () => index,
      toString: () => name,
      toJSON: () => name,
    });
  });
  return Object.freeze(values);
}

/** The name of an enum value the script passed back, or of a plain string naming it; undefined otherwise. */
export function enumName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'function') {
    const name: unknown = (value as { name: () => unknown }).name();
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}
