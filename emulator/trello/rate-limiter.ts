// Sliding-window request counting on the emulator clock (Trello: 100 per 10 s per token, 300 per 10 s per key).

/** Counts accepted requests per name within the last `windowMs`. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Whether `count` more requests for `name` at `now` stay within the limit. */
  allows(name: string, now: number, count = 1): boolean {
    return this.recent(name, now).length + count <= this.limit;
  }

  /** Counts `count` requests for `name` at `now`. */
  record(name: string, now: number, count = 1): void {
    const hits = this.recent(name, now);
    for (let i = 0; i < count; i++) hits.push(now);
    this.hits.set(name, hits);
  }

  /** How many more requests `name` may make at `now`. */
  remaining(name: string, now: number): number {
    return Math.max(this.limit - this.recent(name, now).length, 0);
  }

  /**
   * The hits of `name` still inside the window at `now`, oldest first; older ones are dropped from the front (the
   * clock never goes back, so hits are recorded in time order). Called for every request: no copy of the list.
   */
  private recent(name: string, now: number): number[] {
    const hits = this.hits.get(name) ?? [];
    let expired = 0;
    while (expired < hits.length && hits[expired] <= now - this.windowMs) expired++;
    if (expired > 0) hits.splice(0, expired);
    return hits;
  }
}
