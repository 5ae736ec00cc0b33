// Recorded sheet edit times, per lead and synced field: one property entry per recorded edit, whose key carries its
// time, so a run that deletes the entries it read can never delete one an edit trigger wrote meanwhile (Properties has
// no compare-and-delete, and the edit trigger writes without the lock that the run holds).
import { columnKey, DEFAULT_FIELD_MAPPING, type FieldMapping } from './field-mapping';
import { STATE_KEYS } from './settings';

/**
 * A lead field the conflict rule compares: the status (the card's list), and each field FIELD_MAPPING syncs both ways
 * by its key (`name`, `due`, `custom:<name>`, …).
 */
export type SyncedField = string;

/** The synced fields of today's behaviour: the status and the name. */
export const SYNCED_FIELDS: readonly SyncedField[] = ['status', 'name'];

/** The fields the conflict rule compares under `fieldMapping`: the status and every field mapped both ways. */
export function syncedFields(fieldMapping: FieldMapping = DEFAULT_FIELD_MAPPING): SyncedField[] {
  return ['status', ...fieldMapping.filter((entry) => entry.direction === 'both').map((entry) => entry.field)];
}

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

/** The field a key's rest (`<leadId>#<field>`) names, if it names one of `fields` (the longest, as keys may hold '#'). */
function fieldSuffix(rest: string, fields: readonly SyncedField[]): SyncedField | undefined {
  return [...fields].sort((a, b) => b.length - a.length).find((field) => rest.endsWith(`#${field}`) && rest.length > field.length + 1);
}

/**
 * Every recorded edit time in `entries`, for the synced `fields`. Keys of older versions — `<leadId>#<time>`, or just
 * `<leadId>` — name no field and are read as an edit of every synced field.
 */
export function recordedEditTimes(entries: Record<string, string>, fields: readonly SyncedField[] = SYNCED_FIELDS): RecordedEditTime[] {
  const recorded: RecordedEditTime[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (!key.startsWith(STATE_KEYS.editedAtPrefix)) continue;
    const rest = key.slice(STATE_KEYS.editedAtPrefix.length);
    const suffix = `#${value}`;
    const timed = rest.endsWith(suffix) ? rest.slice(0, -suffix.length) : rest;
    const field = timed === rest ? undefined : fieldSuffix(timed, fields);
    const leadId = field ? timed.slice(0, -(field.length + 1)) : timed;
    const at = Number(value);
    if (leadId && Number.isFinite(at)) recorded.push({ key, leadId, fields: field ? [field] : fields, at });
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

/**
 * The synced fields whose columns lie in `firstColumn`…`lastColumn` (1-based) of a sheet whose columns are at
 * `columns` (by column key).
 */
export function fieldsInColumns(columns: Readonly<Record<string, number | undefined>>, firstColumn: number, lastColumn: number, fieldMapping: FieldMapping = DEFAULT_FIELD_MAPPING): SyncedField[] {
  const columnOf = new Map<SyncedField, string>([['status', 'status'], ...fieldMapping.map((entry): [string, string] => [entry.field, columnKey(entry.column)])]);
  return syncedFields(fieldMapping).filter((field) => {
    // Stryker disable next-line StringLiteral: every synced field is the status or a mapped field, both of which have a column here
    const column = columns[columnOf.get(field) ?? ''];
    return column !== undefined && column >= firstColumn && column <= lastColumn;
  });
}
