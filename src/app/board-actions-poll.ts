// Live board changes without a webhook, while the sidebar is open: one request for the board's actions since the
// newer of the full run's cursor and the poll's own, and a 'cards' sync of the cards they name.
import type { Services } from '../adapters/gas-services';
import { trelloPath } from '../adapters/trello-client';
import { newestActionId, type ActionLike } from '../core/board-actions';
import { isConnected, settingsFrom, STATE_KEYS } from '../core/settings';
import type { SyncSummary } from '../core/sync-summary';
import { readBoardAction } from '../core/webhook-event';
import { syncCardHints } from './card-hint-sync';
import { LOCK_WAIT_MS } from './run-guard';

const ACTION_ID = /^[0-9a-f]{24}$/i;
/** How long a poll may wait on Trello (the sidebar asks again a few seconds later). */
const POLL_TIMEOUT_MS = 20_000;

/** Where the poll reads from: its own cursor once it is past the full run's (a date cursor is older than any id). */
function pollSince(entries: Record<string, string>): string {
  const full = entries[STATE_KEYS.actionsCursor] ?? '';
  const poll = entries[STATE_KEYS.pollCursor] ?? '';
  return ACTION_ID.test(poll) && (!ACTION_ID.test(full) || poll > full) ? poll : full;
}

/**
 * Syncs the cards the board's actions since the cursor name; null when nothing happened (or before the first full
 * run, which sets the cursor). The poll's cursor advances even when the run left its cards for later: they wait
 * durably as card hints. `entries`: the settings store, when the caller has just read it.
 */
export function pollBoardActions(services: Services, entries = services.store.getAll()): SyncSummary | null {
  const settings = settingsFrom(entries);
  const since = pollSince(entries);
  if (!isConnected(settings) || !since) return null;
  const trello = services.trello(settings, services.clock.now() + POLL_TIMEOUT_MS);
  const actions = trello.request<ActionLike[]>({ method: 'get', path: `${trelloPath('boards', settings.boardId)}/actions`, query: { since, limit: '1000' } });
  const next = newestActionId(actions, since);
  // Every action counts: a drag is a move and then a reorder, and only the move claims a change the base lacks.
  const hints = actions.map((action) => readBoardAction(action, settings.boardId)).flatMap((reading) => ('hint' in reading ? [reading.hint] : []));
  const summary = hints.length > 0 ? syncCardHints(services, hints, LOCK_WAIT_MS.webhook) : null;
  if (next !== since) services.store.set({ [STATE_KEYS.pollCursor]: next });
  return summary;
}
