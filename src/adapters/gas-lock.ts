// RunLock over the Apps Script script lock.
import type { RunLock } from '../app/ports';

/** Script lock adapter. */
export class GasLock implements RunLock {
  constructor(private readonly lock: GoogleAppsScript.Lock.Lock) {}

  tryLock(waitMs: number): boolean {
    return this.lock.tryLock(waitMs);
  }

  release(): void {
    if (this.lock.hasLock()) this.lock.releaseLock();
  }
}
