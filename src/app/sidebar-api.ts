// The sidebar's server side: its state, saving settings (checked against Trello first) and the board picker.
import type { Services } from '../adapters/gas-services';
import { formatStatusMapping, parseStatusMapping } from '../core/status-mapping';
import { errorMessage } from './error-message';
import { healthReport, VERSION } from './health';
import { lastSummary, recentErrors } from './run-record';
import { schedulePaceNote } from './schedule-pacing';
import { secretsOf, SETTING_KEYS, STATE_KEYS, settingsFrom } from '../core/settings';
import type { ActionResult, BoardChoice, SettingsInput, SidebarState } from './sidebar-types';

/** The sidebar's state. */
export function sidebarState(services: Services): SidebarState {
  const settings = settingsFrom(services.store.getAll());
  const health = healthReport(services);
  return {
    version: VERSION,
    mode: health.mode,
    latencyNote: services.isAddOn
      ? 'Installed as an add-on: sheet edits reach Trello within seconds; board changes arrive with the hourly scheduled run or "Sync now".'
      : 'Bound script: sheet edits reach Trello within seconds; with the webhook, board changes reach the sheet within seconds (else within a minute).',
    hasKey: Boolean(settings.key),
    hasToken: Boolean(settings.token),
    boardId: settings.boardId,
    sheetName: settings.sheetName,
    mapping: settings.mapping.map(([status, list]) => ({ status, list })),
    importBoardCards: settings.importBoardCards,
    archiveCardOnRowDelete: settings.archiveCardOnRowDelete,
    triggersInstalled: services.triggers.installed(),
    webAppDeployed: services.webAppUrl() !== null,
    webhookRegistered: Boolean(services.store.get(STATE_KEYS.webhookId)),
    lastSync: lastSummary(services),
    recentErrors: recentErrors(services),
    queued: health.queued,
    schedule: { everyMinutes: health.schedule.everyMinutes, note: schedulePaceNote(services) },
  };
}

/** Saves settings; a new key or token is first checked with Trello (GET /members/me) and refused if Trello refuses it. */
export function saveSettings(services: Services, input: SettingsInput): ActionResult {
  const current = services.store.getAll();
  const updates: Record<string, string> = {};
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  if (text(input.key)) updates[SETTING_KEYS.key] = text(input.key);
  if (text(input.token)) updates[SETTING_KEYS.token] = text(input.token);
  if (input.boardId !== undefined) updates[SETTING_KEYS.boardId] = text(input.boardId);
  if (input.sheetName !== undefined) updates[SETTING_KEYS.sheetName] = text(input.sheetName);
  if (typeof input.importBoardCards === 'boolean') updates[SETTING_KEYS.importBoardCards] = String(input.importBoardCards);
  if (typeof input.archiveCardOnRowDelete === 'boolean') updates[SETTING_KEYS.archiveCardOnRowDelete] = String(input.archiveCardOnRowDelete);
  const merged = settingsFrom({ ...current, ...updates });
  try {
    if (Array.isArray(input.mapping)) {
      const json = JSON.stringify(Object.fromEntries(input.mapping.map((pair) => [text(pair?.status), text(pair?.list)])));
      updates[SETTING_KEYS.statusMapping] = formatStatusMapping(parseStatusMapping(json));
    }
    if (updates[SETTING_KEYS.key] || updates[SETTING_KEYS.token]) {
      if (!merged.key || !merged.token) return { ok: false, message: 'Enter both the Trello API key and the token.' };
      services.trello(merged, services.clock.now() + 30_000).request({ method: 'get', path: '/members/me', query: { fields: 'username' } });
    }
  } catch (error) {
    return { ok: false, message: `Not saved: ${errorMessage(error, secretsOf(merged))}` };
  }
  const changed = (key: string) => updates[key] !== undefined && updates[key] !== (current[key] ?? '');
  // Another board has other lists and actions; another mapping may name other lists. The next run finds them again.
  if (changed(SETTING_KEYS.boardId)) services.store.delete([STATE_KEYS.listIds, STATE_KEYS.actionsCursor]);
  else if (changed(SETTING_KEYS.statusMapping)) services.store.delete([STATE_KEYS.listIds]);
  services.store.set(updates, current);
  return { ok: true, message: 'Settings saved.' };
}

/** The open boards of the connected account. */
export function listBoards(services: Services): BoardChoice[] {
  const settings = settingsFrom(services.store.getAll());
  if (!settings.key || !settings.token) return [];
  const boards = services
    .trello(settings, services.clock.now() + 30_000)
    .request<{ id: string; name: string }[]>({ method: 'get', path: '/members/me/boards', query: { filter: 'open', fields: 'name' } });
  return boards.map((board) => ({ id: board.id, name: board.name }));
}
