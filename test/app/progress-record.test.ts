// A run's progress in the cache: written every few seconds, at the end only when shown before, read back while running.
import { PROGRESS_EVERY_MS, progressReporter, runningProgress } from '../../src/app/progress-record';

function fakes() {
  let now = 1_000;
  const entries = new Map<string, string>();
  let puts = 0;
  const cache = { get: (key: string) => entries.get(key) ?? null, put: (key: string, value: string) => (puts++, entries.set(key, value)) };
  const clock = { now: () => now, sleep: (ms: number) => (now += ms) };
  return { cache, clock, puts: () => puts };
}

describe('progressReporter', () => {
  it('puts the progress once every few seconds, and the end so the bar closes', () => {
    const { cache, clock, puts } = fakes();
    const report = progressReporter(cache, clock, 100, true, 60_000);
    for (let done = 10; done < 100; done += 10) {
      clock.sleep(PROGRESS_EVERY_MS / 2);
      report(done);
    }
    expect(puts()).toBe(4);
    expect(runningProgress(cache)).toMatchObject({ done: 80, total: 100, creates: true });
    report(100);
    expect(puts()).toBe(5);
    expect(runningProgress(cache)).toBeNull();
  });

  it('costs no cache call for a run that ends within the first few seconds', () => {
    const { cache, clock, puts } = fakes();
    const report = progressReporter(cache, clock, 20, false, 60_000);
    report(10);
    report(20);
    expect(puts()).toBe(0);
    expect(runningProgress(cache)).toBeNull();
  });
});
