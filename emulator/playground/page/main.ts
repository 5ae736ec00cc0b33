// The playground page: opens the spreadsheet (onOpen's menus), polls the state every second and sends the person's
// edits, row changes, menu choices, board moves and settings to the server.
import { byId } from '../../../src/ui/dom';
import type { BoardChange, EditRequest, MenuResult, MenuView, PlaygroundState, RowsRequest } from '../playground-types';
import { fetchState, postJson } from './api-client';
import { BoardView } from './board-view';
import { renderExecutions } from './executions-view';
import { MenuBar } from './menu-bar';
import { RowTools } from './row-tools';
import { SheetGrid } from './sheet-grid';
import { ToastView } from './toast-view';

const POLL_MS = 1_000;
const connection = byId('connection', HTMLParagraphElement);
const access = byId('web-app-access', HTMLSelectElement);
const hideNoOps = byId('hide-no-ops', HTMLInputElement);
const sidebarPane = byId('sidebar-pane', HTMLElement);
const sidebar = byId('sidebar', HTMLIFrameElement);

/** Shows a line in the header's status area; `kind` styles it (and an 'offline' line clears once the server answers). */
function say(text: string, kind: 'error' | 'offline' | '' = ''): void {
  connection.textContent = text;
  connection.dataset.kind = kind;
}

function report(error: unknown): void {
  say(error instanceof Error ? error.message : String(error), 'error');
}

/** Reports the errors of the executions a change started. */
const reportErrors = ({ errors }: { errors: string[] }) => errors.length > 0 && report(errors.join('; '));

const rowTools = new RowTools((request: RowsRequest) => void postJson<{ errors: string[] }>('/api/rows', request).then(reportErrors, report));
const grid = new SheetGrid(
  (edit: EditRequest) => void postJson<{ errors: string[] }>('/api/edit', edit).then(reportErrors, report),
  (cell) => rowTools.show(cell),
);
const board = new BoardView((change: BoardChange) => void postJson('/api/board', change).catch(report));
const toasts = new ToastView();

/** Shows the sidebar pane with `src` loaded, or closes it (as the sidebar's ✕ in Sheets). */
function showSidebar(src: string | undefined): void {
  sidebarPane.hidden = src === undefined;
  document.body.classList.toggle('no-sidebar', src === undefined);
  if (src !== undefined) sidebar.src = src;
}

const menus = new MenuBar((functionName) => {
  postJson<MenuResult>('/api/menu', { functionName }).then((result) => {
    if (result.error !== undefined) report(`${functionName}: ${result.error}`);
    if (result.sidebar !== undefined) showSidebar(`/sidebar?shown=${result.sidebar}`);
  }, report);
});
byId('close-sidebar', HTMLButtonElement).addEventListener('click', () => showSidebar(undefined));
access.addEventListener('change', () => void postJson('/api/deployment', { access: access.value }).catch(report));

/** First-run mode: the key and token to paste, as Trello's API key page shows them. */
function showAccount(account: PlaygroundState['trelloAccount']): void {
  byId('trello-account', HTMLElement).hidden = account === undefined;
  if (!account) return;
  byId('account-key', HTMLInputElement).value = account.key;
  byId('account-token', HTMLInputElement).value = account.token;
}

async function poll(): Promise<void> {
  try {
    const state = await fetchState();
    grid.render(state.sheets);
    board.render(state.board);
    renderExecutions(state.executions, hideNoOps.checked);
    toasts.update(state.toasts);
    showAccount(state.trelloAccount);
    if (document.activeElement !== access) access.value = state.webAppAccess;
    if (connection.dataset.kind === 'offline') say('');
  } catch {
    say('The playground server does not answer (was it stopped?). Retrying…', 'offline');
  } finally {
    setTimeout(() => void poll(), POLL_MS);
  }
}

// Opening the page opens the spreadsheet: onOpen builds the add-on's menus.
postJson<{ menus: MenuView[] }>('/api/open', {}).then(({ menus: shown }) => menus.render(shown), report);
void poll();
