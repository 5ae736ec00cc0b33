// The sidebar's live poll: asks the server for board changes every few seconds while the sidebar is visible, pauses
// while its tab is hidden, and shows "live" while it runs, and the progress of a long sync.
import type { LiveChanges, RunProgress } from '../app/sidebar-types';

/** How often the open sidebar asks for board changes. */
export const POLL_INTERVAL_MS = 5000;

/** What the poll needs from the page (the browser's, or a test's). */
export interface LivePollPage {
  /** The server's pollChanges. */
  poll(): Promise<LiveChanges>;
  /** Called after a poll that synced something (to refresh the status panel). */
  synced(changes: LiveChanges): void;
  /** Shows whether the sidebar is live, and how. */
  show(live: boolean, text: string): void;
  /** Shows how far a running sync has got, or hides that when none runs. */
  progress(progress: RunProgress | null): void;
  isVisible(): boolean;
  onVisibilityChange(listener: () => void): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const SOURCE_TEXT: Record<LiveChanges['source'], string> = {
  webhook: 'live: the webhook brings board changes within seconds',
  relay: 'live: board changes arrive within seconds while this sidebar is open',
  'board actions': 'live: board changes arrive within seconds while this sidebar is open',
  'not connected': 'not live: nothing syncs until Trello is connected',
};

/** Polls one request at a time: the next waits for the answer and the interval, and only while the page is visible. */
export class LivePoll {
  private timer: unknown = null;
  private running = false;

  constructor(private readonly page: LivePollPage) {
    page.onVisibilityChange(() => (page.isVisible() ? this.schedule(0) : this.pause()));
  }

  /** Starts polling (at once, when visible). */
  start(): void {
    if (this.page.isVisible()) this.schedule(0);
    else this.pause();
  }

  private pause(): void {
    if (this.timer !== null) this.page.clearTimeout(this.timer);
    this.timer = null;
    this.page.show(false, 'paused while the sidebar is hidden');
  }

  private schedule(ms: number): void {
    if (this.timer !== null || this.running) return;
    this.timer = this.page.setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    if (!this.page.isVisible()) return this.pause();
    this.running = true;
    try {
      const changes = await this.page.poll();
      this.page.show(changes.source !== 'not connected', SOURCE_TEXT[changes.source]);
      this.page.progress(changes.progress);
      if (changes.synced) this.page.synced(changes);
    } catch (error) {
      this.page.show(false, `not live: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
    if (this.page.isVisible()) this.schedule(POLL_INTERVAL_MS);
  }
}
