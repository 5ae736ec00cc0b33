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
    this.hits.set(name, [...this.recent(name, now), ...Array<number>(count).fill(now)]);
  }

  /** How many more requests `name` may make at `now`. */
  remaining(name: string, now: number): number {
    return Math.max(this.limit - this.recent(name, now).length, 0);
  }

  private recent(name: string, now: number): number[] {
    return (this.hits.get(name) ?? []).filter((at) => at > now - this.windowMs);
  }
}
