// The add-on's settings and its own state keys (both listed in docs/settings.md), as read from one property store's entries.
import { parseFieldMapping, type FieldMapping } from './field-mapping';
import { DEFAULT_STATUS_MAPPING, parseStatusMapping, type StatusMapping } from './status-mapping';

/** Setting keys of the contract, shared with the sidebar. */
export const SETTING_KEYS = {
  key: 'TRELLO_KEY',
  token: 'TRELLO_TOKEN',
  boardId: 'TRELLO_BOARD_ID',
  webhookSecret: 'WEBHOOK_SECRET',
  sheetName: 'SHEET_NAME',
  spreadsheetId: 'SPREADSHEET_ID',
  statusMapping: 'STATUS_MAPPING',
  importBoardCards: 'IMPORT_BOARD_CARDS',
  archiveCardOnRowDelete: 'ARCHIVE_CARD_ON_ROW_DELETE',
  blankStatus: 'BLANK_STATUS',
  fieldMapping: 'FIELD_MAPPING',
  /** From this many rows of the lead tab on, an edit or a delivery reads only its own rows (a tuning setting). */
  readRowsFrom: 'READ_ROWS_FROM',
  /** `workspace` on a Google Workspace account (6 hours of daily trigger time); otherwise a personal account's 90 minutes. */
  accountType: 'ACCOUNT_TYPE',
} as const;

/** Keys of state the add-on keeps beside the settings. */
export const STATE_KEYS = {
  listIds: 'TRELLO_LIST_IDS',
  actionsCursor: 'TRELLO_ACTIONS_CURSOR',
  /** The newest board action the open sidebar's poll has synced (full runs keep their own cursor). */
  pollCursor: 'TRELLO_POLL_CURSOR',
  webhookId: 'TRELLO_WEBHOOK_ID',
  /** The webhook's state as Trello showed it to the last full run (JSON). */
  webhookState: 'TRELLO_WEBHOOK_STATE',
  lastRun: 'LAST_SYNC',
  recentErrors: 'RECENT_ERRORS',
  /** How many cells carry a flag note (so a run with nothing to flag need not read the notes). */
  flaggedCells: 'FLAGGED_CELLS',
  /** How many rows carry a flag note (the rows the status counts as needing attention). */
  flaggedRows: 'FLAGGED_ROWS',
  pendingLog: 'PENDING_SYNC_LOG',
  /** How many waiting Sync Log lines had to be dropped, and since when (JSON), until a full run reports it. */
  droppedLogLines: 'PENDING_SYNC_LOG_DROPPED',
  /** Queues that overflowed since the last full run (comma-separated names): that run reports them. */
  fullPullNeeded: 'FULL_PULL_NEEDED',
  /** Prefix of "a person edited this lead at" entries, written by the edit trigger. */
  editedAtPrefix: 'EDITED_AT:',
  /** Prefix of "a webhook delivery for this card waits" entries, written when the lock was busy. */
  cardHintPrefix: 'CARD_HINT:',
  /** The e-mail of the user whose account holds the sync triggers (one pair per sheet, whoever set them up). */
  triggersOwner: 'TRIGGERS_OWNER',
  /** How often the scheduled run goes on this sheet, and the quiet run's duration that decided it (JSON). */
  schedulePace: 'SCHEDULE_PACE',
  /** The unique id of the one-off trigger that goes on with a run that ran out of time (deleted at the next run). */
  continuationTrigger: 'CONTINUATION_TRIGGER',
} as const;

/**
 * Most per-lead or per-card entries kept in properties (a store holds 500 KB). Past it, edit times and waiting
 * deliveries are not recorded one by one: the scheduled full run reads everything anyway, and an unknown edit time
 * lets the sheet win, which is what a mass paste means.
 */
export const MAX_QUEUED_ENTRIES = 500;

/** How many entries with `prefix` a store holds. */
export function countPrefixed(entries: Record<string, string>, prefix: string): number {
  return Object.keys(entries).filter((key) => key.startsWith(prefix)).length;
}

/** True when `adding` more entries with `prefix` stay within MAX_QUEUED_ENTRIES. */
export function hasRoomFor(entries: Record<string, string>, prefix: string, adding: number): boolean {
  return countPrefixed(entries, prefix) + adding <= MAX_QUEUED_ENTRIES;
}

/** The default name of the lead tab. */
export const DEFAULT_SHEET_NAME = 'LeadTracker';

/**
 * What a blank status cell of a lead that has a card means: `FROM_CARD` (default) leaves the card where it is and fills
 * the status from its list; `FLAG` flags the cell until a status is chosen. A new lead's blank status is always NEW.
 */
export type BlankStatusChoice = 'FROM_CARD' | 'FLAG';

/** Settings as the runs use them. */
export interface Settings {
  key: string;
  token: string;
  boardId: string;
  webhookSecret: string;
  sheetName: string;
  spreadsheetId: string;
  mapping: StatusMapping;
  importBoardCards: boolean;
  archiveCardOnRowDelete: boolean;
  blankStatus: BlankStatusChoice;
  /** Which columns sync with which card fields; undefined when unset (today's behaviour: DEFAULT_FIELD_MAPPING). */
  fieldMapping?: FieldMapping;
}

/** Raised when a setting needed for a sync is missing; says where to set it. */
export class MissingSettingsError extends Error {
  constructor(readonly missing: string[]) {
    super(`Trello is not connected yet: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set. Open Trello Sync → Open sidebar to connect.`);
    this.name = 'MissingSettingsError';
  }
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  return !/^(false|no|off|0)$/i.test(value.trim());
}

/** Reads settings from the entries of a store (all defaults applied). */
export function settingsFrom(entries: Record<string, string>): Settings {
  const value = (key: string) => (entries[key] ?? '').trim();
  return {
    key: value(SETTING_KEYS.key),
    token: value(SETTING_KEYS.token),
    boardId: value(SETTING_KEYS.boardId),
    webhookSecret: value(SETTING_KEYS.webhookSecret),
    sheetName: value(SETTING_KEYS.sheetName) || DEFAULT_SHEET_NAME,
    spreadsheetId: value(SETTING_KEYS.spreadsheetId),
    mapping: value(SETTING_KEYS.statusMapping) ? parseStatusMapping(value(SETTING_KEYS.statusMapping)) : DEFAULT_STATUS_MAPPING,
    importBoardCards: flag(entries[SETTING_KEYS.importBoardCards], true),
    archiveCardOnRowDelete: flag(entries[SETTING_KEYS.archiveCardOnRowDelete], false),
    blankStatus: value(SETTING_KEYS.blankStatus).toUpperCase() === 'FLAG' ? 'FLAG' : 'FROM_CARD',
    ...(value(SETTING_KEYS.fieldMapping) ? { fieldMapping: parseFieldMapping(value(SETTING_KEYS.fieldMapping)) } : {}),
  };
}

/**
 * Below this many rows of the lead tab, one read of the whole tab and base (one round trip) costs less time than finding
 * and reading only the rows an edit or a delivery is about (several round trips, each moving a few cells).
 */
export const DEFAULT_READ_ROWS_FROM = 500;

/** The row count from which edits and deliveries read only their rows: `READ_ROWS_FROM`, or the default. */
export function readRowsFrom(entries: Record<string, string>): number {
  // Stryker disable next-line StringLiteral: a non-numeric fallback text fails the whole-number test like the blank one, so the default applies
  const text = (entries[SETTING_KEYS.readRowsFrom] ?? '').trim();
  const count = Number(text);
  return text !== '' && Number.isInteger(count) && count >= 0 ? count : DEFAULT_READ_ROWS_FROM;
}

/** Settings read for showing them: a stored value that cannot be read gives way to its default, and says why. */
export interface ReadableSettings {
  settings: Settings;
  /** What is wrong with a stored setting (shown in the sidebar and doGet), or null. */
  problem: string | null;
}

/** The settings that may be unreadable: how each is parsed, and its name in messages. */
const PARSED_SETTINGS: [key: string, parse: (text: string) => unknown, words: string][] = [
  [SETTING_KEYS.statusMapping, parseStatusMapping, 'status mapping'],
  [SETTING_KEYS.fieldMapping, parseFieldMapping, 'field mapping (FIELD_MAPPING)'],
];

/** Reads settings like settingsFrom, but an unreadable mapping falls back to its default instead of throwing. */
export function readableSettings(entries: Record<string, string>): ReadableSettings {
  const readable = { ...entries };
  const problems: string[] = [];
  for (const [key, parse, words] of PARSED_SETTINGS) {
    const text = (entries[key] ?? '').trim();
    try {
      if (text) parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push(`The saved ${words} cannot be read, so syncing stops: ${reason} Save the mapping again in the sidebar.`);
      readable[key] = '';
    }
  }
  return { settings: settingsFrom(readable), problem: problems.length ? problems.join(' ') : null };
}

/**
 * State that no longer holds once settings change from `before` to `after`: another board has other lists and
 * actions; another mapping may name other lists. The next run finds them again.
 */
export function outdatedStateKeys(before: Record<string, string>, after: Record<string, string>): string[] {
  const changed = (key: string) => (before[key] ?? '') !== (after[key] ?? '');
  if (changed(SETTING_KEYS.boardId)) return [STATE_KEYS.listIds, STATE_KEYS.actionsCursor];
  if (changed(SETTING_KEYS.statusMapping)) return [STATE_KEYS.listIds];
  return [];
}

/** The keys of the Trello connection that are not set. */
function missingConnection(settings: Settings): string[] {
  return [
    [SETTING_KEYS.key, settings.key],
    [SETTING_KEYS.token, settings.token],
    [SETTING_KEYS.boardId, settings.boardId],
  ]
    .filter(([, value]) => !value)
    .map(([key]) => key);
}

/** True when key, token and board are set. */
export function isConnected(settings: Settings): boolean {
  return missingConnection(settings).length === 0;
}

/** Throws MissingSettingsError unless the Trello connection is configured. */
export function requireConnection(settings: Settings): void {
  const missing = missingConnection(settings);
  if (missing.length > 0) throw new MissingSettingsError(missing);
}

/** The values no message may show: key, token and webhook secret. */
export function secretsOf(settings: Settings): string[] {
  return [settings.key, settings.token, settings.webhookSecret];
}

/** The secrets among stored entries, read without parsing the other settings (a broken one cannot hide them). */
export function secretsIn(entries: Record<string, string>): string[] {
  return [SETTING_KEYS.key, SETTING_KEYS.token, SETTING_KEYS.webhookSecret].map((key) => (entries[key] ?? '').trim());
}

