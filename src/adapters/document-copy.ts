// An installed add-on's hourly run may start with no document attached (no Document Properties, no document lock):
// the user who holds the triggers keeps, in their own User Properties, which spreadsheet each schedule trigger
// syncs and a copy of that spreadsheet's settings, under a prefix per spreadsheet — never shared with another user,
// never used for another sheet.
import { outdatedStateKeys, SETTING_KEYS } from '../core/settings';
import type { KeyValueStore } from '../app/ports';
import { GasPropertyStore } from './gas-property-store';

const SCHEDULE_PREFIX = 'SCHEDULE_TRIGGER:';
const DOCUMENT_PREFIX = 'DOCUMENT:';

// Everything a scheduled run reads from the settings; the webhook secret is not needed (no webhook path here).
const COPIED_KEYS: readonly string[] = Object.values(SETTING_KEYS).filter((key) => key !== SETTING_KEYS.webhookSecret);

/** The prefix of one spreadsheet's part of User Properties (also used for its part of the user cache). */
export function documentPrefix(spreadsheetId: string): string {
  return `${DOCUMENT_PREFIX}${spreadsheetId}:`;
}

/** The trigger owner's copies, in User Properties. */
export class DocumentCopy {
  constructor(private readonly userProperties: GoogleAppsScript.Properties.Properties) {}

  /**
   * Copies the settings of `spreadsheetId` from its Document Properties `entries` (only what changed is written,
   * settings since removed are removed, state they outdate is dropped), and ties the schedule trigger `scheduleId`
   * to it when given.
   */
  keep(spreadsheetId: string, entries: Record<string, string>, scheduleId?: string): void {
    const store = this.store(spreadsheetId);
    const copied = store.getAll();
    const wanted: Record<string, string> = { [SETTING_KEYS.spreadsheetId]: spreadsheetId };
    for (const key of COPIED_KEYS) if (key !== SETTING_KEYS.spreadsheetId && entries[key] !== undefined) wanted[key] = entries[key];
    store.set(wanted, copied);
    const gone = [...COPIED_KEYS.filter((key) => wanted[key] === undefined), ...outdatedStateKeys(copied, wanted)];
    store.delete(gone.filter((key) => copied[key] !== undefined));
    if (scheduleId) this.userProperties.setProperty(SCHEDULE_PREFIX + scheduleId, spreadsheetId);
  }

  /** Drops the copy of `spreadsheetId` and every schedule trigger tied to it. */
  forget(spreadsheetId: string): void {
    for (const [key, value] of Object.entries(this.userProperties.getProperties())) {
      const tied = key.startsWith(SCHEDULE_PREFIX) && value === spreadsheetId;
      if (tied || key.startsWith(documentPrefix(spreadsheetId))) this.userProperties.deleteProperty(key);
    }
  }

  /** The spreadsheet the schedule trigger `scheduleId` syncs, or null when it was not set up by this version. */
  spreadsheetOf(scheduleId: string): string | null {
    return this.userProperties.getProperty(SCHEDULE_PREFIX + scheduleId);
  }

  /** The copied settings of `spreadsheetId`, and the state of its runs without a document. */
  store(spreadsheetId: string): KeyValueStore {
    return new GasPropertyStore(this.userProperties, documentPrefix(spreadsheetId));
  }
}
