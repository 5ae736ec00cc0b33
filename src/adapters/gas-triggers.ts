// GasTriggers: installs the edit and time-driven triggers once, never a duplicate, in one editor's account, and only
// ever touches this document's own triggers (an add-on user's triggers of other documents are left alone).
import type { KeyValueStore, TriggerReport, TriggerSetup, TriggerStatus } from '../app/ports';
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
 * stored pace); an editor add-on may run it at most hourly, and
 * `getProjectTriggers()` lists the user's triggers of every document using the add-on, so it keeps the ids of this
 * document's own triggers and acts on those only. Triggers belong to the user who creates them and other editors
 * cannot see them, so the shared store records whose they are: a second editor installs no second pair.
 */
export class GasTriggers implements TriggerSetup {
  constructor(
    private readonly isAddOn: boolean,
    /** Shared by every editor of this sheet (Script Properties of a bound script, Document Properties of an add-on). */
    private readonly store: KeyValueStore,
    /** The caller's e-mail (the effective user). */
    private readonly me: string,
  ) {}

  install(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): TriggerReport {
    const every = paceText(this.everyMinutes());
    const owner = this.otherOwner();
    if (owner) {
      // Strays of the caller's own (e.g. from before the owner was recorded) would run every sync twice.
      return { owner, mine: false, edit: 'kept', schedule: 'kept', scheduleId: '', every, removedDuplicates: this.deleteOwn() };
    }
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
    this.store.set({ [STATE_KEYS.triggersOwner]: this.me }, { [STATE_KEYS.triggersOwner]: this.store.get(STATE_KEYS.triggersOwner) ?? '' });
    return {
      owner: this.me,
      mine: true,
      edit: kept[EDIT_HANDLER] ? 'kept' : 'installed',
      schedule: kept[SCHEDULE_HANDLER] ? 'kept' : 'installed',
      scheduleId: schedule,
      every,
      removedDuplicates,
    };
  }

  remove(): { removed: number; remainingOwner: string } {
    const owner = this.otherOwner();
    const removed = this.deleteOwn();
    if (owner) return { removed, remainingOwner: owner };
    this.rememberIds([]);
    this.store.delete([STATE_KEYS.triggersOwner]);
    return { removed, remainingOwner: '' };
  }

  status(): TriggerStatus {
    const owner = this.otherOwner();
    // Another editor's triggers cannot be seen from here: their record is all there is to go by.
    if (owner) return { installed: true, owner };
    const handlers = this.ownTriggers().map((trigger) => trigger.getHandlerFunction());
    const installed = HANDLERS.every((handler) => handlers.includes(handler));
    return { installed, owner: installed ? this.me : '' };
  }

  continueSoon(afterMs: number): boolean {
    // Apps Script keeps an add-on's clock events an hour apart: beside its hourly schedule, no one-off trigger fits.
    if (this.isAddOn) return false;
    this.endContinuation();
    const id = ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased().after(afterMs).create().getUniqueId();
    this.store.set({ [STATE_KEYS.continuationTrigger]: id });
    return true;
  }

  endContinuation(): void {
    if (this.isAddOn) return;
    const id = this.continuationId();
    if (!id) return;
    for (const trigger of ScriptApp.getProjectTriggers()) if (trigger.getUniqueId() === id) ScriptApp.deleteTrigger(trigger);
    this.store.delete([STATE_KEYS.continuationTrigger]);
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

  claimRun(): boolean {
    const recorded = this.store.get(STATE_KEYS.triggersOwner);
    // Without the caller's e-mail there is nothing to compare or record.
    if (!this.me || recorded === this.me) return true;
    if (!recorded) {
      this.store.set({ [STATE_KEYS.triggersOwner]: this.me });
      return true;
    }
    this.deleteOwn();
    return false;
  }

  /** The recorded owner when it is another editor, else ''. */
  private otherOwner(): string {
    const owner = this.store.get(STATE_KEYS.triggersOwner) ?? '';
    return owner !== this.me ? owner : '';
  }

  private deleteOwn(): number {
    this.endContinuation();
    const ours = this.ownTriggers();
    for (const trigger of ours) ScriptApp.deleteTrigger(trigger);
    return ours.length;
  }

  /** The one-off trigger of `continueSoon`, if one was made and not yet deleted. */
  private continuationId(): string {
    return this.store.get(STATE_KEYS.continuationTrigger) ?? '';
  }

  /** The caller's sync triggers of this document (a bound script's one-off continuation apart: it is not the schedule). */
  private ownTriggers(): GoogleAppsScript.Script.Trigger[] {
    const sync = ScriptApp.getProjectTriggers().filter((trigger) => (HANDLERS as readonly string[]).includes(trigger.getHandlerFunction()));
    if (!this.isAddOn) {
      const continuation = this.continuationId();
      return sync.filter((trigger) => trigger.getUniqueId() !== continuation);
    }
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
