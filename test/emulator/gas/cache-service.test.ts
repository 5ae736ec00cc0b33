// CacheService: expiry on the emulated clock, the default and maximum expirations, and the key and value limits.
import { GasEmulator } from '../../../emulator/gas';

const CODE = `
function put(e) { CacheService.getScriptCache().put(e.key, e.value, e.ttl); }
function putAll(e) { CacheService.getScriptCache().putAll(e.values, e.ttl); }
function get(key) { return CacheService.getScriptCache().get(key); }
function getAll(keys) { return CacheService.getScriptCache().getAll(keys); }
function removeAll(keys) { CacheService.getScriptCache().removeAll(keys); }
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
});
