// JSON shapes shared by the sidebar (browser) and its server functions (Apps Script).
import type { SyncSummary } from '../core/sync-summary';
import type { SyncStatus } from '../core/sync-status';
import type { BlankStatusChoice } from '../core/settings';
import type { FieldDirection } from '../core/field-mapping';
import type { RunProgress } from '../core/run-progress';
import type { ScheduleReport } from '../core/schedule-pace';

export type { RunProgress, SyncStatus, SyncSummary };

/** What the sidebar shows. No secret: only whether the key and token are set. */
export interface SidebarState {
  version: string;
  mode: 'bound script' | 'editor add-on';
  /** What the mode means for how fast board changes reach the sheet. */
  latencyNote: string;
  /** A stored setting that cannot be read (the form shows its default), or null. */
  settingsProblem: string | null;
  hasKey: boolean;
  hasToken: boolean;
  boardId: string;
  sheetName: string;
  mapping: { status: string; list: string }[];
  importBoardCards: boolean;
  archiveCardOnRowDelete: boolean;
  blankStatus: BlankStatusChoice;
  triggersInstalled: boolean;
  /** The e-mail of the editor whose account holds the triggers ('' when none are set up). */
  triggersOwner: string;
  webAppDeployed: boolean;
  webhookRegistered: boolean;
  /** The webhook as Trello showed it to the last full run (see the health report). */
  webhook: { active: boolean | null; consecutiveFailures: number | null; note: string };
  lastSync: SyncSummary | null;
  /** The latest failures and refusals, newest first. */
  recentErrors: RecentError[];
  queued: { edits: number; webhookDeliveries: number };
  /** Where the sync stands (the status doGet reports too). */
  status: SyncStatus;
  /** How often the full sync runs, what a day of it costs, and why (less often than every minute on a large sheet). */
  schedule: ScheduleReport & { note: string };
  /** The column ⇄ card field pairs (FIELD_MAPPING), or today's default ones while it is unset. */
  fieldMapping?: FieldMappingRow[];
}

/** One column ⇄ card field pair of FIELD_MAPPING, as the sidebar edits it. */
export interface FieldMappingRow {
  column: string;
  /** `name`, `desc:<Label>`, `due`, `dueComplete`, `labels`, `members` or `custom:<Custom field name>`. */
  field: string;
  direction: FieldDirection;
  /** For `labels` only: label names the board lacks are created (present only when true). */
  createMissing?: boolean;
}

/** What the mapping editor offers: the sheet's columns, the board's fields, and its labels and members as hints. */
export interface FieldChoices {
  /** Headers of the lead tab that a mapping may use (not id, status or trello_card_id). */
  columns: string[];
  /** Card fields to map to, the board's custom fields among them. */
  fields: string[];
  labels: string[];
  members: string[];
}

/** A failure shown in the sidebar. */
export interface RecentError {
  at: string;
  message: string;
}

/** Settings the sidebar saves; absent fields are left as they are, an empty key or token too. */
export interface SettingsInput {
  key?: string;
  token?: string;
  boardId?: string;
  sheetName?: string;
  mapping?: { status: string; list: string }[];
  importBoardCards?: boolean;
  archiveCardOnRowDelete?: boolean;
  blankStatus?: BlankStatusChoice;
  /** The person confirmed that the mapped lists missing on the board are to be created. */
  createLists?: boolean;
  /** The column ⇄ card field pairs to save as FIELD_MAPPING. */
  fieldMapping?: FieldMappingRow[];
}

/** The outcome of a sidebar action. */
export interface ActionResult {
  ok: boolean;
  message: string;
  /** Mapped lists the board lacks: the message asks whether to create them (save again with `createLists`). */
  missingLists?: string[];
}

/** A board the connected account can pick. */
export interface BoardChoice {
  id: string;
  name: string;
  /** The names of the board's open lists, offered in the mapping. */
  lists: string[];
}

/** The server functions the sidebar calls through google.script.run (each a top-level function of the bundle). */
/** How board changes reach the sheet right now: a bound script's webhook by itself, the others through the poll. */
export type LiveSource = 'webhook' | 'relay' | 'board actions' | 'not connected';

/** What one poll of the open sidebar did. */
export interface LiveChanges {
  source: LiveSource;
  /** The run that synced what changed, or null when nothing had. */
  synced: SyncSummary | null;
  /** How far a sync that is still sending its Trello writes has got, or null when none is. */
  progress: RunProgress | null;
}

export interface SidebarServer {
  getSidebarState(): SidebarState;
  saveSettings(input: SettingsInput): ActionResult;
  listBoards(): BoardChoice[];
  syncNow(): SyncSummary;
  installTriggers(): ActionResult;
  removeTriggers(): ActionResult;
  registerWebhook(): ActionResult;
  unregisterWebhook(): ActionResult;
  dismissError(error: RecentError): ActionResult;
  pollChanges(): LiveChanges;
  listFieldChoices(): FieldChoices;
}
