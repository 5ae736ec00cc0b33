// Recorded sheet edit times, per lead and synced field: one property entry per recorded edit, whose key carries its
// time, so a run that deletes the entries it read can never delete one an edit trigger wrote meanwhile (Properties has
// no compare-and-delete, and the edit trigger writes without the lock that the run holds).
import type { ColumnIndex } from './lead-table';
import { STATE_KEYS } from './settings';

/** The lead fields the conflict rule compares: the status (the card's list) and the name (the card's name). */
export type SyncedField = 'status' | 'name';

/** Every synced field. */
export const SYNCED_FIELDS: readonly SyncedField[] = ['status', 'name'];

/** When a person last edited each synced field of one lead (epoch ms); a field never edited has no time. */
export type FieldEditTimes = Partial<Record<SyncedField, number>>;

/** One recorded edit time, as read from the store. */
export interface RecordedEditTime {
  /** The entry's key: delete exactly this one once the lead has synced. */
  key: string;
  leadId: string;
  /** The field edited; every synced field for entries of older versions, which did not say. */
  fields: readonly SyncedField[];
  at: number;
}

/** The entry recording that `field` of `leadId` was edited at `editedAt`: `EDITED_AT:<leadId>#<field>#<editedAt>` → `<editedAt>`. */
export function editTimeEntry(leadId: string, field: SyncedField, editedAt: number): [key: string, value: string] {
  const value = String(editedAt);
  return [`${STATE_KEYS.editedAtPrefix}${leadId}#${field}#${value}`, value];
}

/** The entries recording an edit of `fields` of each of `leadIds` at `editedAt`. */
export function editTimeEntries(leadIds: readonly string[], fields: readonly SyncedField[], editedAt: number): Record<string, string> {
  return Object.fromEntries(leadIds.flatMap((leadId) => fields.map((field) => editTimeEntry(leadId, field, editedAt))));
}

/** The field a key's rest (`<leadId>#<field>`) names, if it names one. */
function fieldSuffix(rest: string): SyncedField | undefined {
  return SYNCED_FIELDS.find((field) => rest.endsWith(`#${field}`) && rest.length > field.length + 1);
}

/**
 * Every recorded edit time in `entries`. Keys of older versions — `<leadId>#<time>`, or just `<leadId>` — name no
 * field and are read as an edit of every synced field.
 */
export function recordedEditTimes(entries: Record<string, string>): RecordedEditTime[] {
  const recorded: RecordedEditTime[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (!key.startsWith(STATE_KEYS.editedAtPrefix)) continue;
    const rest = key.slice(STATE_KEYS.editedAtPrefix.length);
    const suffix = `#${value}`;
    const timed = rest.endsWith(suffix) ? rest.slice(0, -suffix.length) : rest;
    const field = timed === rest ? undefined : fieldSuffix(timed);
    const leadId = field ? timed.slice(0, -(field.length + 1)) : timed;
    const at = Number(value);
    if (leadId && Number.isFinite(at)) recorded.push({ key, leadId, fields: field ? [field] : SYNCED_FIELDS, at });
  }
  return recorded;
}

/** Records `at` as an edit of `fields` in `times`, unless a newer edit of a field is recorded there already. */
export function addEditTime(times: Map<string, FieldEditTimes>, leadId: string, fields: readonly SyncedField[], at: number): void {
  const lead = times.get(leadId) ?? {};
  for (const field of fields) lead[field] = Math.max(at, lead[field] ?? at);
  times.set(leadId, lead);
}

/** The newest recorded edit time of each field of each lead. */
export function newestEditTimes(recorded: readonly RecordedEditTime[]): Map<string, FieldEditTimes> {
  const newest = new Map<string, FieldEditTimes>();
  for (const { leadId, fields, at } of recorded) addEditTime(newest, leadId, fields, at);
  return newest;
}

/** The synced fields whose columns lie in `firstColumn`…`lastColumn` (1-based) of a sheet with the header `columns`. */
export function fieldsInColumns(columns: Partial<ColumnIndex>, firstColumn: number, lastColumn: number): SyncedField[] {
  return SYNCED_FIELDS.filter((field) => {
    const column = columns[field];
    return column !== undefined && column >= firstColumn && column <= lastColumn;
  });
}
