// The relay box: one cache write per hint, every slot read in one call; a capped fallback in Script Properties when
// the cache refuses.
import { GasRelayBox, MAX_FALLBACK_SHEETS } from '../../src/adapters/gas-relay-box';
import { RELAY_SLOTS, relayKey } from '../../src/core/relay-hints';

const id = (n: number) => n.toString(16).padStart(24, '0');

function fakes(options: { cacheRefuses?: boolean } = {}) {
  const cached = new Map<string, string>();
  const properties = new Map<string, string>();
  const calls = { cache: 0, properties: 0 };
  const cache = {
    put: (key: string, value: string) => {
      calls.cache++;
      if (options.cacheRefuses) throw new Error('Service invoked too many times: cache');
      cached.set(key, value);
    },
    getAll: (keys: string[]) => {
      calls.cache++;
      return Object.fromEntries(keys.filter((key) => cached.has(key)).map((key) => [key, cached.get(key) as string]));
    },
    removeAll: (keys: string[]) => {
      calls.cache++;
      keys.forEach((key) => cached.delete(key));
    },
  } as unknown as GoogleAppsScript.Cache.Cache;
  const props = {
    getProperty: (key: string) => (calls.properties++, properties.get(key) ?? null),
    setProperty: (key: string, value: string) => (calls.properties++, properties.set(key, value)),
    deleteProperty: (key: string) => (calls.properties++, properties.delete(key)),
    getKeys: () => (calls.properties++, [...properties.keys()]),
  } as unknown as GoogleAppsScript.Properties.Properties;
  return { box: new GasRelayBox(cache, props), cached, properties, calls };
}

describe('GasRelayBox', () => {
  it('leaves each hint with one cache write and takes a sheet’s hints once', () => {
    const { box, calls } = fakes();
    const key = relayKey('a');
    box.leave(key, { cardId: id(1), actionId: id(10) });
    box.leave(key, { cardId: id(1), actionId: id(11) });
    box.leave(relayKey('b'), { cardId: id(2), actionId: id(12) });
    expect(calls.cache).toBe(3);
    expect(box.take(key)).toEqual([{ cardId: id(1), actionId: id(11) }]);
    expect(box.take(key)).toEqual([]);
    expect(box.take(relayKey('b'))).toEqual([{ cardId: id(2), actionId: id(12) }]);
  });

  it('falls back to one capped property per sheet when the cache refuses, for a capped number of sheets', () => {
    const { box, properties } = fakes({ cacheRefuses: true });
    const key = relayKey('a');
    for (let n = 0; n < 50; n++) box.leave(key, { cardId: id(n), actionId: id(1000 + n) });
    expect(JSON.parse(properties.get(key) ?? '[]')).toHaveLength(RELAY_SLOTS);
    for (let n = 0; n < MAX_FALLBACK_SHEETS + 20; n++) box.leave(relayKey(`sheet${n}`), { cardId: id(n), actionId: id(n) });
    expect(properties.size).toBe(MAX_FALLBACK_SHEETS);
    expect(box.take(key)).toHaveLength(RELAY_SLOTS);
    expect(properties.has(key)).toBe(false);
  });
});
