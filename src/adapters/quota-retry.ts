// Waits out a short-term quota answer (the Sheets API's per-minute quotas) with growing pauses, never past a deadline.
import type { Clock } from '../app/ports';
import { isRateQuotaAnswer } from '../core/quota-answer';

/** First pause after a quota answer; each next one doubles. Per-minute quotas refill within a minute. */
const FIRST_PAUSE_MS = 4_000;
const MAX_PAUSE_MS = 32_000;

/**
 * Runs `call`; while it fails with a short-term quota answer, pauses (4 s, 8 s, 16 s, 32 s, 32 s, …) and tries again,
 * unless the pause would end after `deadline` (epoch ms): then the last answer is thrown.
 */
export function retryOnRateQuota<T>(clock: Clock, deadline: number, call: () => T): T {
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
    try {
      return call();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!isRateQuotaAnswer(message) || clock.now() + pause > deadline) throw error;
      clock.sleep(pause);
    }
  }
}
