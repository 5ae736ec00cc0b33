// Shows the add-on's toasts (SpreadsheetApp toast) for a few seconds, as Sheets does in its corner.
import { byId } from '../../../src/ui/dom';

const SHOWN_MS = 5_000;

/** Shows the newest toast whenever the count of toasts grows. */
export class ToastView {
  private readonly box = byId('toast', HTMLDivElement);
  private seen: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Takes the latest toast state; the toasts shown before the page opened are not replayed. */
  update(toasts: { count: number; latest?: string }): void {
    const isNew = this.seen !== undefined && toasts.count > this.seen;
    this.seen = toasts.count;
    if (!isNew || toasts.latest === undefined) return;
    this.box.textContent = `Trello Sync: ${toasts.latest}`;
    this.box.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.box.hidden = true), SHOWN_MS);
  }
}
