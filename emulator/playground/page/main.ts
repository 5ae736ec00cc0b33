// The playground page: polls the state every second and sends the person's edits, moves and settings to the server.
import { byId } from '../../../src/ui/dom';
import type { BoardChange, EditRequest } from '../playground-types';
import { fetchState, postJson } from './api-client';
import { BoardView } from './board-view';
import { renderExecutions } from './executions-view';
import { SheetGrid } from './sheet-grid';
import { ToastView } from './toast-view';

const POLL_MS = 1_000;
const connection = byId('connection', HTMLParagraphElement);
const access = byId('web-app-access', HTMLSelectElement);
const hideNoOps = byId('hide-no-ops', HTMLInputElement);

/** Shows a line in the header's status area; `kind` styles it (and an 'offline' line clears once the server answers). */
function say(text: string, kind: 'error' | 'offline' | '' = ''): void {
  connection.textContent = text;
  connection.dataset.kind = kind;
}

function report(error: unknown): void {
  say(error instanceof Error ? error.message : String(error), 'error');
}

const grid = new SheetGrid((edit: EditRequest) => {
  postJson<{ errors: string[] }>('/api/edit', edit).then(({ errors }) => errors.length > 0 && report(errors.join('; ')), report);
});
const board = new BoardView((change: BoardChange) => void postJson('/api/board', change).catch(report));
const toasts = new ToastView();

access.addEventListener('change', () => void postJson('/api/deployment', { access: access.value }).catch(report));

async function poll(): Promise<void> {
  try {
    const state = await fetchState();
    grid.render(state.sheets);
    board.render(state.board);
    renderExecutions(state.executions, hideNoOps.checked);
    toasts.update(state.toasts);
    if (document.activeElement !== access) access.value = state.webAppAccess;
    if (connection.dataset.kind === 'offline') say('');
  } catch {
    say('The playground server does not answer (was it stopped?). Retrying…', 'offline');
  } finally {
    setTimeout(() => void poll(), POLL_MS);
  }
}

void poll();
