// Sliding-window request counting on the emulator clock (Trello: 100 per 10 s per token, 300 per 10 s per key).

/** Counts accepted requests per name within the last `windowMs`. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Whether one more request for `name` at `now` stays within the limit. */
  allows(name: string, now: number): boolean {
    return this.recent(name, now).length < this.limit;
  }

  /** Counts one request for `name` at `now`. */
  record(name: string, now: number): void {
    this.hits.set(name, [...this.recent(name, now), now]);
  }

  private recent(name: string, now: number): number[] {
    return (this.hits.get(name) ?? []).filter((at) => at > now - this.windowMs);
  }
}
