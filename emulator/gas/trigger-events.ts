// The event objects installable triggers receive: spreadsheet edit and change events, and time-driven events.
import { AuthMode } from './script-app';
import type { ScriptRealm } from './script-realm';
import type { CellValue } from './spreadsheet/cell-value';
import { wallClock } from './spreadsheet/time-zone';

const DAY_MS = 86_400_000;
/** Day 0 of spreadsheet date serial numbers. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A cell's value as an edit event carries it (`e.value`, `e.oldValue`): always text — numbers as typed, booleans
 * as TRUE/FALSE, dates as their serial number; undefined for an empty cell.
 */
export function eventText(value: CellValue | null | undefined, timeZone: string): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const w = wallClock(value.getTime(), timeZone);
    const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return String((local - SERIAL_EPOCH) / DAY_MS);
  }
  return String(value);
}

/** What an edit event is made of. */
export interface EditEventParts {
  range: object;
  source: object;
  triggerUid: string;
  userEmail: string;
  /** Only for a single-cell edit; undefined when the cell is now empty. */
  value?: string;
  /** Only for a single-cell edit; undefined when the cell was empty before. */
  oldValue?: string;
}

function user(realm: ScriptRealm, email: string): object {
  return realm.adopt({ email, nickname: email.split('@')[0] });
}

/** The event of an installable edit trigger; `value`/`oldValue` are present only when they have a value. */
export function editEvent(realm: ScriptRealm, parts: EditEventParts): object {
  const event: Record<string, unknown> = {
    authMode: AuthMode.FULL,
    range: parts.range,
    source: parts.source,
    triggerUid: parts.triggerUid,
    user: user(realm, parts.userEmail),
  };
  if (parts.value !== undefined) event.value = parts.value;
  if (parts.oldValue !== undefined) event.oldValue = parts.oldValue;
  return realm.adopt(event);
}

/** What a change event says happened (`e.changeType`); the emulator's people make these. */
export type ChangeType = 'EDIT' | 'INSERT_ROW' | 'REMOVE_ROW';

/** The event of an installable change trigger for a user's change. */
export function changeEvent(realm: ScriptRealm, source: object, triggerUid: string, userEmail: string, changeType: ChangeType = 'EDIT'): object {
  return realm.adopt({ authMode: AuthMode.FULL, changeType, source, triggerUid, user: user(realm, userEmail) });
}

/** ISO-8601 week number of a UTC date. */
function isoWeek(epochMs: number): number {
  const date = new Date(epochMs);
  const day = date.getUTCDay() || 7;
  const thursday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.ceil(((thursday - yearStart) / DAY_MS + 1) / 7);
}

/** The event of a time-driven trigger that fires at `epochMs` (fields in UTC, as Apps Script gives them). */
export function timeEvent(realm: ScriptRealm, epochMs: number, triggerUid: string): object {
  const date = new Date(epochMs);
  return realm.adopt({
    authMode: AuthMode.FULL,
    'day-of-month': date.getUTCDate(),
    'day-of-week': date.getUTCDay() || 7,
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    month: date.getUTCMonth() + 1,
    second: date.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid,
    'week-of-year': isoWeek(epochMs),
    year: date.getUTCFullYear(),
  });
}
