// Sidebar client: shows the sync status and drives setup through the server API.
import type { ActionResult, SidebarState } from '../app/sidebar-types';
import { BusyLock } from './busy-lock';
import { LivePoll } from './live-poll';
import { byId } from './dom';
import { showOutcome, showPending, type Outcome } from './message-area';
import { saveConfirmed } from './confirmed-save';
import { showProgress } from './progress-bar';
import { serverCall } from './server-client';
import { SettingsForm } from './settings-form';
import { renderStatus } from './status-panel';
import { summaryText } from './sync-summary-text';

const messageArea = byId('message', HTMLDivElement);
const liveLine = byId('live', HTMLParagraphElement);
const statusList = byId('status', HTMLDListElement);
const lock = new BusyLock(byId('app', HTMLElement));
const form = new SettingsForm();

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function refreshStatus(): Promise<SidebarState> {
  const state = await serverCall('getSidebarState');
  renderStatus(statusList, state, (error) => void act('Dismissing…', () => serverCall('dismissError', error)));
  return state;
}

/**
 * Runs one action with every button disabled: shows `pending`, then the action's outcome (a thrown error is an
 * outcome too), then refreshes the status panel. Resolves with the outcome and the fresh state (absent when that
 * refresh failed).
 */
async function act(pending: string, action: () => Promise<Outcome>): Promise<{ outcome: Outcome; state?: SidebarState }> {
  return lock.hold(async () => {
    showPending(messageArea, pending);
    const outcome = await action().catch((error: unknown): Outcome => ({ ok: false, message: errorText(error) }));
    showOutcome(messageArea, outcome);
    try {
      return { outcome, state: await refreshStatus() };
    } catch (error) {
      showOutcome(messageArea, { ok: false, message: `${outcome.message} (The status could not be refreshed: ${errorText(error)})` });
      return { outcome };
    }
  });
}

async function loadBoards(): Promise<Outcome> {
  const boards = await serverCall('listBoards');
  form.setBoards(boards);
  return boards.length > 0
    ? { ok: true, message: `${boards.length} board(s) found: pick one, then save.` }
    : { ok: false, message: 'No boards found. Save your API key and token first, then load boards again.' };
}

/** Buttons whose action is one server function answering an ActionResult. */
const SIMPLE_ACTIONS: Record<string, { pending: string; call: () => Promise<ActionResult> }> = {
  'install-triggers': { pending: 'Setting up triggers…', call: () => serverCall('installTriggers') },
  'remove-triggers': { pending: 'Turning triggers off…', call: () => serverCall('removeTriggers') },
  'register-webhook': { pending: 'Registering the webhook…', call: () => serverCall('registerWebhook') },
  'unregister-webhook': { pending: 'Removing the webhook…', call: () => serverCall('unregisterWebhook') },
};

for (const [id, { pending, call }] of Object.entries(SIMPLE_ACTIONS)) {
  byId(id, HTMLButtonElement).addEventListener('click', () => void act(pending, call));
}

byId('sync-now', HTMLButtonElement).addEventListener('click', () => {
  void act('Syncing…', async () => {
    const summary = await serverCall('syncNow');
    return { ok: summary.ok, message: summaryText(summary) };
  });
});

byId('refresh', HTMLButtonElement).addEventListener('click', () => void act('Refreshing…', async () => ({ ok: true, message: 'Status refreshed.' })));

byId('load-boards', HTMLButtonElement).addEventListener('click', () => void act('Loading boards…', loadBoards));

byId('load-fields', HTMLButtonElement).addEventListener('click', () => {
  void act('Loading columns and board fields…', async () => {
    const choices = await serverCall('listFieldChoices');
    form.setFieldChoices(choices);
    return { ok: true, message: `${choices.columns.length} column(s) and ${choices.fields.length} card field(s) offered: map them, then save.` };
  });
});

form.form.addEventListener('submit', (event) => {
  event.preventDefault();
  void act('Saving…', () => saveConfirmed((input) => serverCall('saveSettings', input), form.read(), (question) => window.confirm(question))).then(({ outcome, state }) => {
    // A fresh fill clears the typed key and token, so they do not linger in the page.
    if (outcome.ok && state) form.fill(state);
  });
});

// First paint: the saved settings and the status; the board list too once Trello is connected.
void lock.hold(async () => {
  try {
    const state = await refreshStatus();
    form.fill(state);
    if (state.hasKey && state.hasToken) form.setBoards(await serverCall('listBoards'), state.boardId);
  } catch (error) {
    showOutcome(messageArea, { ok: false, message: `Could not load the sidebar: ${errorText(error)}` });
  }
});

// Board changes within seconds while the sidebar is open and visible (a hidden tab costs no calls).
new LivePoll({
  poll: () => serverCall('pollChanges'),
  synced: () => void refreshStatus().catch(() => undefined),
  show: (live, text) => {
    liveLine.dataset.live = String(live);
    liveLine.textContent = text;
  },
  progress: (progress) => showProgress(byId('progress', HTMLDivElement), byId('progress-bar', HTMLProgressElement), byId('progress-text', HTMLParagraphElement), progress),
  isVisible: () => document.visibilityState === 'visible',
  onVisibilityChange: (listener) => document.addEventListener('visibilitychange', listener),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
}).start();
