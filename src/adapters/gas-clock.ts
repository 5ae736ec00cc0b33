// Clock over the Apps Script runtime (Date and Utilities.sleep).
import type { Clock } from '../app/ports';

/** Runtime clock adapter. */
export class GasClock implements Clock {
  now(): number {
    return Date.now();
  }

  sleep(ms: number): void {
    if (ms > 0) Utilities.sleep(Math.ceil(ms));
  }
}
