// Clocks for the emulators: an emulated one for tests (time moves only when told) and the system one for the
// playground. Both are shared by the Apps Script and Trello emulators.

/** What the emulators need of a clock. */
export interface Clock {
  /** Current instant in epoch milliseconds. */
  now(): number;
  /** Lets `ms` pass: an emulated clock jumps, the system clock blocks the thread. */
  advance(ms: number): void;
}

/** A clock that only moves when told to, so time limits and rate windows are deterministic and cost nothing. */
export class EmulatedClock implements Clock {
  private nowMs: number;

  /** @param startMs - the first instant, in epoch milliseconds (default 2026-01-05T09:00:00Z). */
  constructor(startMs = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`clock cannot move by ${ms} ms`);
    this.nowMs += ms;
  }
}

/** The real clock, for the playground: `advance` really waits. */
export class SystemClock implements Clock {
  private readonly waitCell = new Int32Array(new SharedArrayBuffer(4));

  now(): number {
    return Date.now();
  }

  advance(ms: number): void {
    if (ms > 0) Atomics.wait(this.waitCell, 0, 0, ms);
  }
}
