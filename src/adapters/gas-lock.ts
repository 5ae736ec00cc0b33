// RunLock over the Apps Script script lock.
import type { RunLock } from '../app/ports';

/** Script lock adapter. */
export class GasLock implements RunLock {
  /** `flushSpreadsheetApp` runs before the lock goes: the next run must see this run's spreadsheet writes. */
  constructor(
    private readonly lock: GoogleAppsScript.Lock.Lock,
    private readonly flushSpreadsheetApp: () => void,
  ) {}

  tryLock(waitMs: number): boolean {
    return this.lock.tryLock(waitMs);
  }

  release(): void {
    if (!this.lock.hasLock()) return;
    this.flushSpreadsheetApp();
    this.lock.releaseLock();
  }
}
