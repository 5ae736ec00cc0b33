// The status panel: mode and latency, connection, triggers and their pace, web app, webhook, where the sync stands
// (the status model: rows that need attention, changes waiting and why), the last sync and recent errors.
import type { RecentError, SidebarState } from '../app/sidebar-types';
import { paceText } from '../core/schedule-pace';
import { make } from './dom';
import { summaryText, summaryTime } from './sync-summary-text';

/** One row of the panel: a term, its value, whether that value is a good sign, and the error it may dismiss. */
export interface StatusRow {
  term: string;
  value: string;
  good?: boolean;
  detail?: string;
  dismiss?: RecentError;
}

const yesNo = (flag: boolean, yes: string, no: string): Pick<StatusRow, 'value' | 'good'> => ({ value: flag ? yes : no, good: flag });

/** The webhook as Trello last showed it: registered and active, deactivated, or gone (with what happened). */
function webhookRow(state: SidebarState): StatusRow {
  const { active, consecutiveFailures, note } = state.webhook;
  const failing = consecutiveFailures ? `${consecutiveFailures} failed deliveries in a row. ` : '';
  if (!state.webhookRegistered) return { term: 'Webhook', value: 'Not registered', good: false, detail: note || undefined };
  if (active === false) return { term: 'Webhook', value: 'Deactivated by Trello', good: false, detail: note || undefined };
  const value = active === null ? 'Registered (not checked yet)' : 'Registered, active';
  return { term: 'Webhook', value, good: true, detail: `${failing}${note}` || undefined };
}

/**
 * Where the sync stands: "In sync" only once a sync has run with Trello connected and nothing is flagged or waiting;
 * before that, that nothing syncs yet.
 */
function syncRow(state: SidebarState, connected: boolean): StatusRow {
  const { status } = state;
  if (!connected) return { term: 'Sync', value: 'Not syncing', good: false, detail: 'Nothing syncs until Trello is connected: enter the API key and token, then pick the board.' };
  if (status.inSync && !state.lastSync) return { term: 'Sync', value: 'Not synced yet', detail: 'Sync now, or the first scheduled run, makes the first sync.' };
  return { term: 'Sync', value: status.headline, good: status.inSync, detail: status.inSync ? undefined : status.text };
}

/** The rows of the panel for a state. */
export function statusRows(state: SidebarState): StatusRow[] {
  const connected = state.hasKey && state.hasToken && state.boardId !== '';
  const missing = [!state.hasKey && 'API key', !state.hasToken && 'token', !state.boardId && 'board'].filter(Boolean).join(', ');
  const last = state.lastSync;
  return [
    ...(state.settingsProblem ? [{ term: 'Settings', value: 'Cannot be read', good: false, detail: state.settingsProblem }] : []),
    { term: 'Mode', value: state.mode, detail: state.latencyNote },
    { term: 'Trello', ...yesNo(connected, 'Connected', `Not connected (missing: ${missing})`) },
    {
      term: 'Triggers',
      ...yesNo(state.triggersInstalled, 'Installed', 'Not installed'),
      detail: state.triggersOwner ? `Set up by ${state.triggersOwner}; only they can turn them off.` : undefined,
    },
    { term: 'Schedule', value: paceText(state.schedule.everyMinutes), detail: state.schedule.note },
    { term: 'Web app', ...yesNo(state.webAppDeployed, 'Deployed', 'Not deployed') },
    webhookRow(state),
    syncRow(state, connected),
    last
      ? { term: 'Last sync', value: summaryTime(last), good: last.ok, detail: summaryText(last) }
      : { term: 'Last sync', value: 'Never' },
    ...state.recentErrors.slice(0, 3).map((error, index) => ({
      term: index === 0 ? 'Recent errors' : '',
      value: new Date(error.at).toLocaleString(),
      good: false,
      detail: error.message,
      dismiss: error,
    })),
  ];
}

/** Replaces the content of the panel's <dl> with the state; a recent error's "Dismiss" calls `onDismiss`. */
export function renderStatus(list: HTMLDListElement, state: SidebarState, onDismiss: (error: RecentError) => void): void {
  list.replaceChildren(
    ...statusRows(state).flatMap((row) => {
      const value = make('dd');
      value.append(make('span', row.value, row.good === undefined ? 'value' : `value ${row.good ? 'good' : 'bad'}`));
      if (row.detail) value.append(make('span', row.detail, 'detail'));
      const { dismiss } = row;
      if (dismiss) {
        const button = make('button', 'Dismiss', 'link');
        button.type = 'button';
        button.addEventListener('click', () => onDismiss(dismiss));
        value.append(button);
      }
      return [make('dt', row.term), value];
    }),
  );
}
