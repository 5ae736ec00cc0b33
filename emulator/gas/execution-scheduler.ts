// Overlapping executions in one thread: queued actions start nested at the service-call boundaries of the running
// execution, where and in which order a seeded PRNG says, so each interleaving can be replayed from its seed.
import { seededRandom } from '../seeded-random';
import type { ExecutionResult } from './gas-emulator';

/** How a scheduler picks its interleaving. */
export interface SchedulerOptions {
  /** The same seed (and the same script behaviour) gives the same interleaving. */
  seed: number;
  /**
   * The chance that a queued action starts at a given service-call boundary (default 0.2); 1 starts one at the
   * first boundary, 0 only when nothing else runs.
   */
  startChance?: number;
}

/** Something that starts executions (a run, a person's edit and its triggers, a web request, a webhook delivery). */
export type ScheduledAction = () => unknown;

/**
 * Holds actions that start "at the same time" and starts each nested inside a running execution at one of its
 * service-call boundaries: the nested action runs to completion (itself interruptible the same way) before the outer
 * execution's call goes on. Actions left when nothing runs start one after another, in a seeded order.
 */
export class ExecutionScheduler {
  private readonly random: () => number;
  private readonly startChance: number;
  private readonly pending: { index: number; action: ScheduledAction }[] = [];
  /** The actions running now, innermost last: an execution that ends belongs to the innermost one. */
  private readonly running: number[] = [];
  private readonly results: ExecutionResult[][] = [];
  private failure: { error: unknown } | undefined;

  constructor(options: SchedulerOptions) {
    this.random = seededRandom(options.seed);
    this.startChance = options.startChance ?? 0.2;
  }

  /** Queues an action; its executions come back at the same index of `runAll()`'s result. */
  add(action: ScheduledAction): void {
    this.pending.push({ index: this.results.length, action });
    this.results.push([]);
  }

  /** A service-call boundary of the running execution (or a wait inside it): maybe start queued actions here. */
  boundary(): void {
    while (this.pending.length > 0 && this.random() < this.startChance) this.startOne();
  }

  /** Records an execution that ended, under the action that started it. */
  finished(result: ExecutionResult): void {
    const owner = this.running[this.running.length - 1];
    if (owner !== undefined) this.results[owner]?.push(result);
  }

  /**
   * Starts every queued action, each interleaved as the seed says, and returns the executions of each action in the
   * order they were added. An action that throws (a test's own mistake, not a script error) is rethrown at the end.
   */
  runAll(): ExecutionResult[][] {
    while (this.pending.length > 0) this.startOne();
    if (this.failure) throw this.failure.error;
    return this.results;
  }

  private startOne(): void {
    const [next] = this.pending.splice(Math.floor(this.random() * this.pending.length), 1);
    if (!next) return;
    this.running.push(next.index);
    try {
      next.action();
    } catch (error) {
      // Thrown into the outer execution, it would look like a service failure of the script; report it instead.
      this.failure ??= { error };
    } finally {
      this.running.pop();
    }
  }
}
