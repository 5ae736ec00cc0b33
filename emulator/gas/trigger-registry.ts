// The project's installable triggers, kept across executions, and when each time-driven one is due next.

/** Trigger event types, as ScriptApp.EventType names them. */
export type TriggerEventType = 'ON_EDIT' | 'CLOCK' | 'ON_OPEN' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

/** One installed trigger. */
export interface StoredTrigger {
  uniqueId: string;
  /** The user whose execution created it: it runs as them, and only they see it. */
  owner: string;
  handlerFunction: string;
  eventType: TriggerEventType;
  /** The spreadsheet id of a spreadsheet trigger; null for a time-driven one. */
  sourceId: string | null;
  /** Period of a recurring time-driven trigger. */
  everyMs?: number;
  /** When a time-driven trigger runs next; undefined once a one-off trigger has run. */
  nextAt?: number;
}

/** Installable triggers per user per script, the Apps Script quota. */
export const MAX_TRIGGERS = 20;

/** Every installable trigger of the project, whoever owns it. */
export class TriggerRegistry {
  private readonly triggers: StoredTrigger[] = [];
  private lastId = 0;

  /** Adds a trigger under a fresh unique id (numeric, like Apps Script's) and returns it. */
  add(trigger: Omit<StoredTrigger, 'uniqueId'>): StoredTrigger {
    this.lastId += 1;
    const stored = { ...trigger, uniqueId: `52849173${String(this.lastId).padStart(11, '0')}` };
    this.triggers.push(stored);
    return stored;
  }

  remove(uniqueId: string): void {
    const index = this.triggers.findIndex((t) => t.uniqueId === uniqueId);
    if (index >= 0) this.triggers.splice(index, 1);
  }

  /** Every trigger, in creation order; with `owner`, only that user's. */
  list(owner?: string): readonly StoredTrigger[] {
    return owner === undefined ? this.triggers : this.triggers.filter((t) => t.owner === owner);
  }

  /** The time-driven trigger due first at or before `time` (creation order breaks ties), if any. */
  nextDue(time: number): StoredTrigger | undefined {
    let due: StoredTrigger | undefined;
    for (const t of this.triggers) {
      if (t.nextAt !== undefined && t.nextAt <= time && (due?.nextAt === undefined || t.nextAt < due.nextAt)) due = t;
    }
    return due;
  }

  /** Marks `trigger` as run for its slot `scheduledAt`: a one-off is spent, a recurring one moves past `now`. */
  ran(trigger: StoredTrigger, scheduledAt: number, now: number): void {
    if (trigger.everyMs === undefined) {
      trigger.nextAt = undefined;
      return;
    }
    let next = scheduledAt + trigger.everyMs;
    // Slots missed while the execution ran are skipped, as Apps Script does not queue them.
    while (next <= now) next += trigger.everyMs;
    trigger.nextAt = next;
  }
}
