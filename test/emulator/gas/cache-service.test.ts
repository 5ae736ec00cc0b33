// CacheService: expiry on the emulated clock, the default and maximum expirations, the key and value limits, the
// 1,000-item cap and evictions at any time.
import { GasEmulator } from '../../../emulator/gas';

const CODE = `
function put(e) { CacheService.getScriptCache().put(e.key, e.value, e.ttl); }
function putAll(e) { CacheService.getScriptCache().putAll(e.values, e.ttl); }
function get(key) { return CacheService.getScriptCache().get(key); }
function getAll(keys) { return CacheService.getScriptCache().getAll(keys); }
function removeAll(keys) { CacheService.getScriptCache().removeAll(keys); }
function fill(e) { var values = {}; for (var i = 0; i < e.count; i++) values[e.prefix + i] = 'v'; CacheService.getScriptCache().putAll(values, e.ttl); }
function count(e) { var keys = []; for (var i = 0; i < e.count; i++) keys.push(e.prefix + i); return Object.keys(CacheService.getScriptCache().getAll(keys)).length; }
function attempt(e) { try { CacheService.getScriptCache().put(e.key, e.value); return 'stored'; } catch (err) { return String(err); } }
`;

describe('CacheService', () => {
  it('expires entries on the emulated clock (default 10 minutes)', () => {
    const emulator = new GasEmulator({ code: CODE });
    emulator.run('put', { key: 'a', value: 1 });
    emulator.run('put', { key: 'b', value: 'x', ttl: 30 });
    expect(emulator.run('get', 'a').returnValue).toBe('1');
    emulator.advanceTime(30_000);
    expect(emulator.run('getAll', ['a', 'b', 'c']).returnValue).toEqual({ a: '1' });
    emulator.advanceTime(570_000);
    expect(emulator.run('get', 'a').returnValue).toBeNull();
  });

  it('caps the expiration at 6 hours', () => {
    const emulator = new GasEmulator({ code: CODE });
    emulator.run('putAll', { values: { k: 'v', m: 'w' }, ttl: 100_000 });
    emulator.advanceTime(21_600_000 - 1);
    expect(emulator.scriptCache.entries()).toEqual({ k: 'v', m: 'w' });
    emulator.advanceTime(1);
    expect(emulator.scriptCache.entries()).toEqual({});
  });

  it('removes entries', () => {
    const emulator = new GasEmulator({ code: CODE });
    emulator.scriptCache.put('a', '1', 600);
    emulator.scriptCache.put('b', '2', 600);
    emulator.run('removeAll', ['a']);
    expect(emulator.scriptCache.entries()).toEqual({ b: '2' });
  });

  it('refuses keys over 250 characters and values over 100 KB', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('attempt', { key: 'k'.repeat(250), value: 'v'.repeat(100 * 1024) }).returnValue).toBe('stored');
    expect(emulator.run('attempt', { key: 'k'.repeat(251), value: 'v' }).returnValue).toBe('Exception: Argument too large: key');
    expect(emulator.run('attempt', { key: 'big', value: 'v'.repeat(100 * 1024 + 1) }).returnValue).toBe('Exception: Argument too large: value');
    expect(emulator.scriptCache.get('big')).toBeNull();
  });

  it('keeps the 900 items farthest from expiry once more than 1,000 are written', () => {
    const emulator = new GasEmulator({ code: CODE });
    emulator.run('fill', { prefix: 'long', count: 500, ttl: 3600 });
    emulator.run('fill', { prefix: 'short', count: 500, ttl: 60 });
    expect(Object.keys(emulator.scriptCache.entries())).toHaveLength(1000);
    emulator.run('put', { key: 'newest', value: 'n', ttl: 600 });
    expect(emulator.run('count', { prefix: 'long', count: 500 }).returnValue).toBe(500);
    expect(emulator.run('count', { prefix: 'short', count: 500 }).returnValue).toBe(399);
    expect(emulator.run('get', 'newest').returnValue).toBe('n');
  });

  it('lets expired items make room before anything live is dropped', () => {
    const emulator = new GasEmulator({ code: CODE });
    emulator.run('fill', { prefix: 'old', count: 1000, ttl: 1 });
    emulator.advanceTime(1000);
    emulator.run('fill', { prefix: 'new', count: 1000, ttl: 60 });
    expect(emulator.run('count', { prefix: 'new', count: 1000 }).returnValue).toBe(1000);
  });

  it('evicts entries at random when told to, the same way for the same seed', () => {
    const survivors = (seed: number) => {
      const emulator = new GasEmulator({ code: CODE, cacheEviction: { rate: 0.5, seed } });
      emulator.run('fill', { prefix: 'k', count: 100, ttl: 600 });
      return emulator.run('count', { prefix: 'k', count: 100 }).returnValue as number;
    };
    expect(survivors(7)).toBeGreaterThan(25);
    expect(survivors(7)).toBeLessThan(75);
    expect(survivors(7)).toBe(survivors(7));
    const steady = new GasEmulator({ code: CODE });
    steady.run('fill', { prefix: 'k', count: 100, ttl: 600 });
    expect(steady.run('count', { prefix: 'k', count: 100 }).returnValue).toBe(100);
  });

  it('loses everything when the emulator evicts all entries', () => {
    const emulator = new GasEmulator({ code: CODE });
    emulator.run('put', { key: 'a', value: '1' });
    emulator.scriptCache.evictAll();
    expect(emulator.run('get', 'a').returnValue).toBeNull();
  });
});
