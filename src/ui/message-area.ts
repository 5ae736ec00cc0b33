// The sidebar's one message area: the result of the last action, read out by screen readers (aria-live).

/** What an action ended with, as the message area shows it. */
export interface Outcome {
  ok: boolean;
  message: string;
}

/** Shows an outcome; errors are styled apart so they are not mistaken for success. */
export function showOutcome(area: HTMLElement, outcome: Outcome): void {
  area.hidden = false;
  area.dataset.kind = outcome.ok ? 'ok' : 'error';
  area.textContent = outcome.message;
}

/** Shows that an action is under way. */
export function showPending(area: HTMLElement, text: string): void {
  area.hidden = false;
  area.dataset.kind = 'pending';
  area.textContent = text;
}
