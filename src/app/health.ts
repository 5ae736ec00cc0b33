// doGet: a health and status report as JSON, with no secret in it.
import type { Services } from '../adapters/gas-services';
import { lastSummary } from './run-record';
import { countPrefixed, isConnected, readableSettings, SETTING_KEYS, STATE_KEYS } from '../core/settings';
import { storedWebhookState } from './webhook-upkeep';
import { accountKind, DEFAULT_PACE, parsePace, scheduleReport, type ScheduleReport } from '../core/schedule-pace';
import { syncStatus, type SyncStatus } from '../core/sync-status';
import { storedFlagCount } from './sync-run';

declare const BUILD_VERSION: string;

/** The product version reported by doGet and the sidebar (package.json's, set by the build). */
export const VERSION = BUILD_VERSION;

/** The JSON doGet answers. */
export interface HealthReport {
  app: 'Sheets ⇄ Trello Sync';
  version: string;
  mode: 'bound script' | 'editor add-on';
  connected: boolean;
  /** A stored setting that cannot be read (syncing stops until it is saved again), or null. */
  settingsProblem: string | null;
  /** When the last run was and whether it went well; its details (lead ids, Trello's answers) stay in the sidebar. */
  lastSync: { at: string; ok: boolean; finished: boolean } | null;
  queued: { edits: number; webhookDeliveries: number };
  /** Where the sync stands: in sync, or how many rows need attention and how many changes wait, and why. */
  status: SyncStatus;
  /**
   * `registered`: the add-on holds a webhook id; `active` and `consecutiveFailures`: Trello's view as the last full run
   * read it (null before one did); `note`: what happened or what to do.
   */
  webhook: { registered: boolean; secretSet: boolean; active: boolean | null; consecutiveFailures: number | null; note: string };
  /** How often the scheduled run goes, the measured quiet run, and the daily trigger time a day of them takes. */
  schedule: ScheduleReport;
}

/** Builds the report. */
export function healthReport(services: Services): HealthReport {
  const entries = services.store.getAll();
  const { settings, problem } = readableSettings(entries);
  const lastRun = lastSummary(services);
  const webhookState = storedWebhookState(entries);
  const queued = { edits: countPrefixed(entries, STATE_KEYS.editedAtPrefix), webhookDeliveries: countPrefixed(entries, STATE_KEYS.cardHintPrefix) };
  return {
    app: 'Sheets ⇄ Trello Sync',
    version: VERSION,
    mode: services.isAddOn ? 'editor add-on' : 'bound script',
    connected: isConnected(settings),
    settingsProblem: problem,
    lastSync: lastRun ? { at: lastRun.at, ok: lastRun.ok, finished: lastRun.finished } : null,
    queued,
    status: syncStatus({ flaggedRows: storedFlagCount(entries).rows, waitingEdits: queued.edits, waitingDeliveries: queued.webhookDeliveries, deferred: lastRun?.deferred ?? 0 }),
    webhook: {
      registered: Boolean(entries[STATE_KEYS.webhookId]),
      secretSet: Boolean(settings.webhookSecret),
      active: webhookState?.active ?? null,
      consecutiveFailures: webhookState?.consecutiveFailures ?? null,
      note: webhookState?.note ?? '',
    },
    schedule: scheduleOf(services, entries),
  };
}

/** The schedule's pace (an add-on's is hourly, and not measured). */
function scheduleOf(services: Services, entries: Record<string, string>): ScheduleReport {
  const pace = services.isAddOn ? { ...DEFAULT_PACE, everyMinutes: 60 } : parsePace(entries[STATE_KEYS.schedulePace]);
  return scheduleReport(pace, accountKind(entries[SETTING_KEYS.accountType]));
}
