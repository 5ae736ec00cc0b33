// RunLock over one or more Apps Script locks, taken in order and all released together.
import type { RunLock } from '../app/ports';

/** Lock adapter. */
export class GasLock implements RunLock {
  private readonly locks: GoogleAppsScript.Lock.Lock[];

  constructor(...locks: GoogleAppsScript.Lock.Lock[]) {
    this.locks = locks;
  }

  tryLock(waitMs: number): boolean {
    for (const lock of this.locks) {
      if (!lock.tryLock(waitMs)) {
        this.release();
        return false;
      }
    }
    return true;
  }

  release(): void {
    for (const lock of this.locks) if (lock.hasLock()) lock.releaseLock();
  }
}
