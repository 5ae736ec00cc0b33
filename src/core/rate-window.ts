// A sliding-window request budget (Trello: 100 requests per 10 s per token), kept on the caller's clock.

/** Counts requests in a sliding window and says how long to wait before more may go. */
export class RateWindow {
  private readonly sentAt: number[];

  /**
   * @param limit - requests allowed per window; `raiseLimit` may lift it once the budget is known to be free.
   * @param sentAt - send times already spent in the window (e.g. by the previous execution).
   */
  constructor(
    private limit: number,
    readonly windowMs: number,
    sentAt: readonly number[] = [],
  ) {
    this.sentAt = sentAt.filter((time) => Number.isFinite(time)).sort((a, b) => a - b);
  }

  /** Ms to wait from `now` until `count` more requests fit in the window (0 when they fit now). */
  waitFor(now: number, count: number): number {
    this.forget(now);
    const excess = this.sentAt.length + count - this.limit;
    if (excess <= 0) return 0;
    return this.sentAt[excess - 1] + this.windowMs - now;
  }

  /** How many requests may go at `now`. */
  room(now: number): number {
    return Math.max(this.limit - this.used(now), 0);
  }

  /** How many requests were sent within the window ending at `now`. */
  used(now: number): number {
    this.forget(now);
    return this.sentAt.length;
  }

  /** Allows up to `limit` requests per window from now on (never lowers the limit). */
  raiseLimit(limit: number): void {
    this.limit = Math.max(this.limit, limit);
  }

  /** Records `count` requests sent at `now`. */
  record(now: number, count: number): void {
    for (let i = 0; i < count; i++) this.sentAt.push(now);
  }

  /** Send times still inside the window at `now`, to hand to the next execution. */
  recent(now: number): number[] {
    this.forget(now);
    return [...this.sentAt];
  }

  private forget(now: number): void {
    while (this.sentAt.length > 0 && this.sentAt[0] + this.windowMs <= now) this.sentAt.shift();
  }
}
