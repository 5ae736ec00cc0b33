// Emulated wall clock shared by the Apps Script and Trello emulators, so that time limits, rate windows,
// cache expiry and action dates are deterministic and cost no real time.

/** A clock that only moves when told to. */
export class EmulatedClock {
  private nowMs: number;

  /** @param startMs - the first instant, in epoch milliseconds (default 2026-01-05T09:00:00Z). */
  constructor(startMs = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.nowMs = startMs;
  }

  /** Current instant in epoch milliseconds. */
  now(): number {
    return this.nowMs;
  }

  /** Moves the clock forward by `ms` (never backward). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`clock cannot move by ${ms} ms`);
    this.nowMs += ms;
  }

  /** Moves the clock to `ms` if that is later than now. */
  advanceTo(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
  }
}
