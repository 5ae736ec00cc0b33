// The bar that shows how far a long sync has got, fed by the live poll.
import type { RunProgress } from '../app/sidebar-types';
import { progressShare, progressText } from '../core/run-progress';

/** Shows `progress` in the bar and its text, or hides both when no sync is running. */
export function showProgress(box: HTMLElement, bar: HTMLProgressElement, text: HTMLElement, progress: RunProgress | null): void {
  box.hidden = progress === null;
  if (!progress) return;
  bar.value = progressShare(progress);
  text.textContent = progressText(progress);
}
