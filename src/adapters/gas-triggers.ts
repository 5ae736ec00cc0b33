// GasTriggers: installs the edit and time-driven triggers once, never a duplicate.

/** Handler names of the installable triggers (top-level functions of the bundle). */
export const EDIT_HANDLER = 'onSheetEdit';
export const SCHEDULE_HANDLER = 'onSchedule';

/** What installing the triggers did. */
export interface TriggerReport {
  edit: 'installed' | 'kept';
  schedule: 'installed' | 'kept';
  /** How often the scheduled run goes. */
  every: string;
  removedDuplicates: number;
}

/** Trigger adapter. A bound script runs the schedule every minute; an editor add-on may run it at most hourly. */
export class GasTriggers {
  constructor(private readonly isAddOn: boolean) {}

  /** Makes sure exactly one edit trigger and one time-driven trigger exist for this project. */
  install(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): TriggerReport {
    const existing = ScriptApp.getProjectTriggers();
    let removedDuplicates = 0;
    const keepOne = (handler: string) => {
      const matching = existing.filter((trigger) => trigger.getHandlerFunction() === handler);
      for (const duplicate of matching.slice(1)) {
        ScriptApp.deleteTrigger(duplicate);
        removedDuplicates++;
      }
      return matching.length > 0;
    };
    const hasEdit = keepOne(EDIT_HANDLER);
    const hasSchedule = keepOne(SCHEDULE_HANDLER);
    if (!hasEdit) ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
    if (!hasSchedule) {
      const builder = ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased();
      (this.isAddOn ? builder.everyHours(1) : builder.everyMinutes(1)).create();
    }
    return {
      edit: hasEdit ? 'kept' : 'installed',
      schedule: hasSchedule ? 'kept' : 'installed',
      every: this.isAddOn ? 'hour' : 'minute',
      removedDuplicates,
    };
  }

  /** Removes this project's sync triggers; answers how many there were. */
  remove(): number {
    const ours = ScriptApp.getProjectTriggers().filter((trigger) => [EDIT_HANDLER, SCHEDULE_HANDLER].includes(trigger.getHandlerFunction()));
    for (const trigger of ours) ScriptApp.deleteTrigger(trigger);
    return ours.length;
  }

  /** True when both triggers exist. */
  installed(): boolean {
    const handlers = ScriptApp.getProjectTriggers().map((trigger) => trigger.getHandlerFunction());
    return handlers.includes(EDIT_HANDLER) && handlers.includes(SCHEDULE_HANDLER);
  }
}
