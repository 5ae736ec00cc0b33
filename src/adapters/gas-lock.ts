// RunLock over one or more Apps Script locks, taken in order and all released together.
import type { RunLock } from '../app/ports';

/** Lock adapter. */
export class GasLock implements RunLock {
  private readonly locks: GoogleAppsScript.Lock.Lock[];

  /** `flushSpreadsheetApp` runs before the locks go: the next run must see this run's spreadsheet writes. */
  constructor(
    private readonly flushSpreadsheetApp: () => void,
    ...locks: GoogleAppsScript.Lock.Lock[]
  ) {
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
    const held = this.locks.filter((lock) => lock.hasLock());
    if (held.length === 0) return;
    this.flushSpreadsheetApp();
    for (const lock of held) lock.releaseLock();
  }
}
