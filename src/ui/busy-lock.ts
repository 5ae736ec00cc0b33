// Disables the sidebar's buttons while any server call runs, so no action is started twice.

/** Counts running calls; the buttons inside `root` are disabled while the count is above zero. */
export class BusyLock {
  private running = 0;

  constructor(private readonly root: HTMLElement) {}

  /** Runs `call` with the buttons disabled, and enables them again when the last running call ends. */
  async hold<T>(call: () => Promise<T>): Promise<T> {
    this.set(++this.running);
    try {
      return await call();
    } finally {
      this.set(--this.running);
    }
  }

  private set(count: number): void {
    const busy = count > 0;
    this.root.setAttribute('aria-busy', String(busy));
    for (const button of Array.from(this.root.querySelectorAll('button'))) button.disabled = busy;
  }
}
