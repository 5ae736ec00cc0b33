// LockService: contention with another execution, waiting on the emulated clock (while other executions may run),
// the waitLock error, and release when an execution ends.
import { EmulatedClock } from '../../../emulator/clock';
import { GasEmulator } from '../../../emulator/gas';
import { Execution } from '../../../emulator/gas/execution';
import { createLockService, LockState } from '../../../emulator/gas/lock-service';
import { ScriptRealm } from '../../../emulator/gas/script-realm';

const CODE = `
function tryIt(ms) { var lock = LockService.getScriptLock(); return [lock.tryLock(ms), lock.hasLock()]; }
function waitIt(ms) { LockService.getScriptLock().waitLock(ms); return 'got it'; }
function takeAndKeep() { LockService.getScriptLock().waitLock(1000); return LockService.getScriptLock().hasLock(); }
function takeAndRelease() { var lock = LockService.getScriptLock(); lock.waitLock(1000); lock.releaseLock(); return lock.hasLock(); }
function documentLock() { return LockService.getDocumentLock() === null; }
function userLockFree() { return LockService.getUserLock().tryLock(0); }
`;

describe('LockService', () => {
  it('fails tryLock while another execution holds the lock, after waiting the timeout', () => {
    const emulator = new GasEmulator({ code: CODE });
    const release = emulator.holdScriptLock();
    const busy = emulator.run('tryIt', 5000);
    expect(busy.returnValue).toEqual([false, false]);
    expect(busy.endedAt - busy.startedAt).toBe(5000);
    release();
    expect(emulator.run('tryIt', 5000).returnValue).toEqual([true, true]);
  });

  it('throws the Apps Script text when waitLock times out', () => {
    const emulator = new GasEmulator({ code: CODE });
    emulator.holdScriptLock();
    const result = emulator.run('waitIt', 30_000);
    expect(result.error).toBe('Exception: Lock timeout: another process was holding the lock for too long.');
    expect(result.endedAt - result.startedAt).toBe(30_000);
  });

  it('releases a lock still held when the execution ends', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('takeAndKeep').returnValue).toBe(true);
    expect(() => emulator.holdScriptLock()).not.toThrow();
  });

  it('releases on releaseLock, and keeps script and user locks apart', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('takeAndRelease').returnValue).toBe(false);
    emulator.holdScriptLock();
    expect(emulator.run('userLockFree').returnValue).toBe(true);
  });

  it('has no document lock without a document', () => {
    expect(new GasEmulator({ code: CODE, bound: false }).run('documentLock', undefined, { hasUi: false }).returnValue).toBe(true);
    expect(new GasEmulator({ code: CODE }).run('documentLock').returnValue).toBe(false);
  });

  describe('while waiting for a busy lock', () => {
    /** A script lock held from outside, and tryLock(5000) of an execution whose waits run `meanwhile`. */
    function waitWith(meanwhile: (clock: EmulatedClock, release: () => void) => void): { got: unknown; waited: number } {
      const clock = new EmulatedClock();
      const state = new LockState();
      const release = state.holdFromOutside();
      const env = new Execution({
        clock,
        context: { authMode: 'FULL', hasUi: false },
        ui: { menus: [], sidebars: [], toasts: [], alerts: [] },
        realm: new ScriptRealm(clock),
        limitMs: 360_000,
        whileWaiting: () => meanwhile(clock, release),
      });
      const lock = (createLockService(env, { script: state, user: new LockState(), document: null }) as { getScriptLock(): { tryLock(ms: number): boolean } }).getScriptLock();
      const from = clock.now();
      const got = lock.tryLock(5000);
      return { got, waited: clock.now() - from };
    }

    it('lets other executions run, and takes the lock as soon as they freed it', () => {
      expect(waitWith((clock, release) => (clock.advance(2000), release()))).toEqual({ got: true, waited: 2000 });
    });

    it('times out after the timeout in all, counting the time the others took', () => {
      expect(waitWith((clock) => clock.advance(2000))).toEqual({ got: false, waited: 5000 });
      expect(waitWith((clock, release) => (clock.advance(6000), release()))).toEqual({ got: false, waited: 6000 });
    });
  });
});
