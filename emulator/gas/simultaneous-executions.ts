// The per-user cap on executions running at the same time (Apps Script quotas page: 30 simultaneous executions per
// user), and the text Apps Script throws past it.

/** Most executions of one user that run at once. */
export const MAX_SIMULTANEOUS_EXECUTIONS = 30;

/** What a service call of an execution past the cap throws. */
export const TOO_MANY_SIMULTANEOUS = 'There are too many scripts running simultaneously for this Google user account.';

/** Counts the running executions of each user. */
export class SimultaneousExecutions {
  private readonly running = new Map<string, number>();

  /** Takes a slot for `user`; false (and no slot) when `user` already runs the maximum. */
  enter(user: string): boolean {
    const count = this.running.get(user) ?? 0;
    if (count >= MAX_SIMULTANEOUS_EXECUTIONS) return false;
    this.running.set(user, count + 1);
    return true;
  }

  /** Gives back a slot taken by enter(). */
  leave(user: string): void {
    const count = (this.running.get(user) ?? 0) - 1;
    if (count > 0) this.running.set(user, count);
    else this.running.delete(user);
  }
}
