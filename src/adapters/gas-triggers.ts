// GasTriggers: installs the edit and time-driven triggers once, never a duplicate, and only ever touches this
// document's own triggers (an add-on user's triggers of other documents are left alone).
import type { KeyValueStore, TriggerReport, TriggerSetup } from '../app/ports';
import { paceText, parsePace } from '../core/schedule-pace';
import { STATE_KEYS } from '../core/settings';

/** Handler names of the installable triggers (top-level functions of the bundle). */
export const EDIT_HANDLER = 'onSheetEdit';
export const SCHEDULE_HANDLER = 'onSchedule';

// Where an add-on remembers which of the user's triggers belong to this document (Document Properties).
const TRIGGER_IDS_KEY = 'TRIGGER_IDS';

const HANDLERS = [EDIT_HANDLER, SCHEDULE_HANDLER] as const;
type Handler = (typeof HANDLERS)[number];

/**
 * Trigger adapter. A bound script runs the schedule every minute (less often on a sheet whose runs take long: the
 * stored pace) and owns every trigger of its project; an editor add-on may run it at most hourly, and `getProjectTriggers()` lists the user's triggers of every document using the
 * add-on, so it keeps the ids of this document's own triggers and acts on those only.
 */
export class GasTriggers implements TriggerSetup {
  constructor(
    private readonly isAddOn: boolean,
    private readonly store: KeyValueStore,
  ) {}

  install(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): TriggerReport {
    const ours = this.ownTriggers();
    let removedDuplicates = 0;
    const kept: Partial<Record<Handler, string>> = {};
    for (const handler of HANDLERS) {
      const [first, ...duplicates] = ours.filter((trigger) => trigger.getHandlerFunction() === handler);
      for (const duplicate of duplicates) ScriptApp.deleteTrigger(duplicate);
      removedDuplicates += duplicates.length;
      if (first) kept[handler] = first.getUniqueId();
    }
    const edit = kept[EDIT_HANDLER] ?? ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create().getUniqueId();
    const schedule = kept[SCHEDULE_HANDLER] ?? this.createSchedule(this.everyMinutes());
    this.rememberIds([edit, schedule]);
    return {
      edit: kept[EDIT_HANDLER] ? 'kept' : 'installed',
      schedule: kept[SCHEDULE_HANDLER] ? 'kept' : 'installed',
      every: paceText(this.everyMinutes()),
      removedDuplicates,
    };
  }

  reschedule(everyMinutes: number): void {
    const ours = this.ownTriggers();
    const edits = ours.filter((trigger) => trigger.getHandlerFunction() === EDIT_HANDLER).map((trigger) => trigger.getUniqueId());
    for (const trigger of ours.filter((candidate) => candidate.getHandlerFunction() === SCHEDULE_HANDLER)) ScriptApp.deleteTrigger(trigger);
    this.rememberIds([...edits, this.createSchedule(everyMinutes)]);
  }

  /** The interval of the scheduled run: hourly for an add-on, else the stored pace. */
  private everyMinutes(): number {
    return this.isAddOn ? 60 : parsePace(this.store.get(STATE_KEYS.schedulePace)).everyMinutes;
  }

  private createSchedule(everyMinutes: number): string {
    const builder = ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased();
    return (everyMinutes >= 60 ? builder.everyHours(1) : builder.everyMinutes(everyMinutes)).create().getUniqueId();
  }

  remove(): number {
    const ours = this.ownTriggers();
    for (const trigger of ours) ScriptApp.deleteTrigger(trigger);
    this.rememberIds([]);
    return ours.length;
  }

  installed(): boolean {
    const handlers = this.ownTriggers().map((trigger) => trigger.getHandlerFunction());
    return HANDLERS.every((handler) => handlers.includes(handler));
  }

  /** The sync triggers this document owns. */
  private ownTriggers(): GoogleAppsScript.Script.Trigger[] {
    const sync = ScriptApp.getProjectTriggers().filter((trigger) => (HANDLERS as readonly string[]).includes(trigger.getHandlerFunction()));
    if (!this.isAddOn) return sync;
    const ids = this.rememberedIds();
    return sync.filter((trigger) => ids.includes(trigger.getUniqueId()));
  }

  private rememberedIds(): string[] {
    try {
      const parsed: unknown = JSON.parse(this.store.get(TRIGGER_IDS_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
      return [];
    }
  }

  private rememberIds(ids: string[]): void {
    if (this.isAddOn) this.store.set({ [TRIGGER_IDS_KEY]: JSON.stringify(ids) }, { [TRIGGER_IDS_KEY]: this.store.get(TRIGGER_IDS_KEY) ?? '' });
  }
}
