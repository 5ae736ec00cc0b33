// LockService: script, document and user locks shared by all executions; a lock held at the end of an execution
// is released, and waiting for a busy lock lets other executions start and the emulated time pass.
import type { Execution } from './execution';
import { serviceObject } from './service-object';

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** One lock's state across executions: who holds it (an execution, or an outside holder), if anyone. */
export class LockState {
  holder: object | null = null;

  /** Takes the lock for an outside holder (another execution, as far as scripts can tell) until release(). */
  holdFromOutside(): () => void {
    const holder = {};
    if (this.holder !== null) throw new Error('the lock is already held');
    this.holder = holder;
    return () => {
      if (this.holder === holder) this.holder = null;
    };
  }
}

/** The locks one execution may reach; `document` is null where there is no document. */
export interface LockStates {
  script: LockState;
  user: LockState;
  document: LockState | null;
}

// A lock belongs to the execution that took it (every Lock object of that execution sees it as its own).
function createLock(env: Execution, state: LockState): object {
  const mine = (): boolean => state.holder === env;
  const take = (): boolean => {
    if (state.holder === null) {
      state.holder = env;
      env.onEnd(() => {
        if (mine()) state.holder = null;
      });
    }
    return mine();
  };
  const tryLock = (timeoutMs: unknown): boolean => {
    if (take()) return true;
    // Executions that start while this one waits run now, nested; the holder is suspended below this execution (or
    // outside), so only an outside holder's release can free the lock before the timeout has passed.
    const timeout = Math.max(0, Number(timeoutMs) || 0);
    const waitedFrom = env.clock.now();
    env.letOthersRun();
    const waited = env.clock.now() - waitedFrom;
    if (waited <= timeout && take()) return true;
    env.clock.advance(Math.max(0, timeout - waited));
    return false;
  };
  return serviceObject(env, 'Lock', 'Lock', {
    tryLock,
    waitLock: (timeoutMs: unknown) => {
      if (!tryLock(timeoutMs)) env.fail(LOCK_TIMEOUT);
    },
    releaseLock: () => {
      if (mine()) state.holder = null;
    },
    hasLock: () => mine(),
  });
}

/** The LockService global for one execution. */
export function createLockService(env: Execution, locks: LockStates): object {
  return serviceObject(env, 'LockService', 'LockService', {
    getScriptLock: () => createLock(env, locks.script),
    getUserLock: () => createLock(env, locks.user),
    getDocumentLock: () => (locks.document ? createLock(env, locks.document) : null),
  });
}
