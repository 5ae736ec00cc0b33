// The sidebar's server side: its state, saving settings (checked against Trello first) and the board picker.
import type { Services } from '../adapters/gas-services';
import { formatStatusMapping, parseStatusMapping } from '../core/status-mapping';
import { DEFAULT_FIELD_MAPPING, parseFieldMapping, RESERVED_COLUMNS } from '../core/field-mapping';
import { cellText } from '../core/cell-text';
import { trelloPath } from '../adapters/trello-client';
import { errorMessage } from './error-message';
import { healthReport, VERSION } from './health';
import { dismissRecentError, lastSummary, laterSummary, mergedErrors, recentErrors, storedSummary } from './run-record';
import { schedulePaceNote } from './schedule-pacing';
import { settingsProblem } from './settings-check';
import { ownedElsewhere } from './setup';
import { outdatedStateKeys, readableSettings, secretsOf, SETTING_KEYS, settingsFrom } from '../core/settings';
import { tokenProblem, type TokenInfo } from '../core/token-permissions';
import type { ActionResult, BoardChoice, FieldChoices, RecentError, SettingsInput, SidebarState } from './sidebar-types';
import type { KeyValueStore } from './ports';

/** The add-on's hourly runs without the document record their outcome in the owner's copy: the owner sees it too. */
function hourlyStore(services: Services, owner: string): KeyValueStore | null {
  const spreadsheetId = services.activeSpreadsheetId();
  return owner === services.userEmail && services.documentCopy && spreadsheetId ? services.documentCopy.store(spreadsheetId) : null;
}

/** The sidebar's state. */
export function sidebarState(services: Services): SidebarState {
  const entries = services.store.getAll();
  const { settings, problem } = readableSettings(entries);
  const health = healthReport(services);
  const triggers = services.triggers.status();
  const hourly = hourlyStore(services, triggers.owner);
  return {
    version: VERSION,
    mode: health.mode,
    latencyNote: services.isAddOn
      ? 'Installed as an add-on: sheet edits reach Trello within seconds; board changes reach the sheet within seconds while this sidebar is open (with the webhook, also at any edit), otherwise with the hourly run or "Sync now".'
      : 'Bound script: sheet edits reach Trello within seconds; board changes reach the sheet within seconds with the webhook or while this sidebar is open, otherwise with the scheduled run.',
    settingsProblem: problem,
    hasKey: Boolean(settings.key),
    hasToken: Boolean(settings.token),
    boardId: settings.boardId,
    sheetName: settings.sheetName,
    mapping: settings.mapping.map(([status, list]) => ({ status, list })),
    importBoardCards: settings.importBoardCards,
    archiveCardOnRowDelete: settings.archiveCardOnRowDelete,
    blankStatus: settings.blankStatus,
    triggersInstalled: triggers.installed,
    triggersOwner: triggers.owner,
    webAppDeployed: services.webAppUrl() !== null,
    webhookRegistered: health.webhook.registered,
    webhook: health.webhook,
    lastSync: hourly ? laterSummary(lastSummary(services), storedSummary(hourly)) : lastSummary(services),
    recentErrors: hourly ? mergedErrors(recentErrors(services.store), recentErrors(hourly)) : recentErrors(services.store),
    queued: health.queued,
    status: health.status,
    schedule: { ...health.schedule, note: schedulePaceNote(services, entries) },
    fieldMapping: (settings.fieldMapping ?? DEFAULT_FIELD_MAPPING).map(mappingRow),
  };
}

/** Removes one of the recent errors a person dismissed, wherever it is kept. */
export function dismissError(services: Services, error: RecentError): ActionResult {
  if (typeof error?.at !== 'string' || typeof error?.message !== 'string') return { ok: false, message: 'There is no such error to dismiss.' };
  const hourly = hourlyStore(services, services.triggers.status().owner);
  const removed = [services.store, ...(hourly ? [hourly] : [])].map((store) => dismissRecentError(store, error));
  return removed.includes(true) ? { ok: true, message: 'Error dismissed.' } : { ok: false, message: 'That error was already gone.' };
}

/**
 * Saves settings; a new key or token is first checked with Trello (GET /members/me) and refused if Trello refuses it,
 * or if it is read-only or expires (read from the member's token list: the token never goes in a URL). Then the lead
 * tab, its header, the board and the mapped lists are checked (see settings-check): nothing that would break syncing is
 * saved. Missing mapped lists are created only when the input confirms it (`createLists`).
 */
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
  if (input.blankStatus === 'FLAG' || input.blankStatus === 'FROM_CARD') updates[SETTING_KEYS.blankStatus] = input.blankStatus;
  const merged = readableSettings({ ...current, ...updates }).settings;
  const changed = (key: string) => updates[key] !== undefined && updates[key] !== (current[key] ?? '');
  // An add-on's hourly run uses its owner's copy of the settings, which only the owner can refresh.
  const owner = services.isAddOn ? services.triggers.status().owner : '';
  if (owner && owner !== services.userEmail && Object.keys(updates).some(changed)) {
    return { ok: false, message: `Not saved: ${ownedElsewhere(owner)} with the settings as they are. Ask ${owner} to change them, or to turn the triggers off first.` };
  }
  try {
    if (Array.isArray(input.fieldMapping)) {
      const json = fieldMappingJson(input.fieldMapping.map((row) => ({ column: text(row?.column), field: text(row?.field), direction: text(row?.direction), createMissing: row?.createMissing })));
      // Today's pairs, saved unchanged, leave the setting unset, as it was.
      if (json !== fieldMappingJson(DEFAULT_FIELD_MAPPING) || (current[SETTING_KEYS.fieldMapping] ?? '').trim()) updates[SETTING_KEYS.fieldMapping] = json;
    }
    if (Array.isArray(input.mapping)) {
      const json = JSON.stringify(Object.fromEntries(input.mapping.map((pair) => [text(pair?.status), text(pair?.list)])));
      updates[SETTING_KEYS.statusMapping] = formatStatusMapping(parseStatusMapping(json));
    }
    if (updates[SETTING_KEYS.key] || updates[SETTING_KEYS.token]) {
      if (!merged.key || !merged.token) return { ok: false, message: 'Enter both the Trello API key and the token.' };
      const trello = services.trello(merged, services.clock.now() + 30_000);
      trello.request({ method: 'get', path: '/members/me', query: { fields: 'username' } });
      const problem = tokenProblem(trello.request<TokenInfo[]>({ method: 'get', path: '/members/me/tokens' }));
      if (problem) return { ok: false, message: `Not saved: ${problem}` };
    }
    // Only a saved mapping is checked against the board: the default one's lists are made by the first run.
    const mappingSaved = Boolean((updates[SETTING_KEYS.statusMapping] ?? current[SETTING_KEYS.statusMapping] ?? '').trim());
    const checked = settingsFrom({ ...current, ...updates });
    const found = settingsProblem(services, mappingSaved ? checked : { ...checked, mapping: [] }, input.createLists === true);
    if (found) return { ok: false, message: `Not saved: ${found.message}`, ...(found.missingLists ? { missingLists: found.missingLists } : {}) };
  } catch (error) {
    return { ok: false, message: `Not saved: ${errorMessage(error, secretsOf(merged))}` };
  }
  const outdated = outdatedStateKeys(current, { ...current, ...updates });
  if (outdated.length > 0) services.store.delete(outdated);
  services.store.set(updates, current);
  const spreadsheetId = services.activeSpreadsheetId();
  if (owner === services.userEmail && services.documentCopy && spreadsheetId) services.documentCopy.keep(spreadsheetId, { ...current, ...updates });
  return { ok: true, message: 'Settings saved.' };
}

/** The open boards of the connected account, each with its open lists (the mapping's choices), in one request. */
export function listBoards(services: Services): BoardChoice[] {
  const settings = settingsFrom(services.store.getAll());
  if (!settings.key || !settings.token) return [];
  const boards = services
    .trello(settings, services.clock.now() + 30_000)
    .request<{ id: string; name: string; lists?: { name: string }[] }[]>({ method: 'get', path: '/members/me/boards', query: { filter: 'open', fields: 'name', lists: 'open' } });
  return boards.map((board) => ({ id: board.id, name: board.name, lists: (board.lists ?? []).map((list) => list.name) }));
}

/** A pair as the sidebar and the setting write it: `createMissing` only where it is true. */
function mappingRow<Direction>({ column, field, direction, createMissing }: { column: string; field: string; direction: Direction; createMissing?: unknown }) {
  return { column, field, direction, ...(createMissing === true ? { createMissing } : {}) };
}

/** FIELD_MAPPING's text for these pairs, checked (throws FieldMappingError with what to fix). */
function fieldMappingJson(rows: readonly { column: string; field: string; direction: string; createMissing?: unknown }[]): string {
  const json = JSON.stringify(rows.map(mappingRow));
  parseFieldMapping(json);
  return json;
}

/** The card fields every board has; its custom fields are added as `custom:<name>`. */
const CARD_FIELDS = ['name', 'desc:', 'due', 'dueComplete', 'labels', 'members'];

/**
 * What the mapping editor offers: the lead tab's columns (one Sheets call) and the board's custom fields, labels and
 * members (one Trello request).
 */
export function listFieldChoices(services: Services): FieldChoices {
  const settings = settingsFrom(services.store.getAll());
  const spreadsheet = services.spreadsheet(settings);
  const sheet = spreadsheet.getSheetByName(settings.sheetName);
  const header = sheet ? services.leadStore(spreadsheet, settings.sheetName).readHeader().map((cell) => cellText(cell)) : [];
  const columns = header.filter((name) => name && !RESERVED_COLUMNS.includes(name.toLowerCase()));
  if (!settings.key || !settings.token || !settings.boardId) return { columns, fields: CARD_FIELDS, labels: [], members: [] };
  const board = trelloPath('boards', settings.boardId);
  const [customFields, labels, members] = services
    .trello(settings, services.clock.now() + 30_000)
    .batchGet([`${board}/customFields`, `${board}/labels?limit=1000`, `${board}/members`])
    .map((result) => (result.ok && Array.isArray(result.data) ? (result.data as Record<string, unknown>[]) : []));
  const names = (items: Record<string, unknown>[], key: string) => items.map((item) => String(item[key] ?? '')).filter(Boolean);
  return { columns, fields: [...CARD_FIELDS, ...names(customFields, 'name').map((name) => `custom:${name}`)], labels: names(labels, 'name'), members: names(members, 'username') };
}
