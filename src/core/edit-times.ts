// Recorded sheet edit times: one property entry per recorded edit, whose key carries its time, so a run that
// deletes the entries it read can never delete one an edit trigger wrote meanwhile (Properties has no
// compare-and-delete, and the edit trigger writes without the lock that the run holds).
import { STATE_KEYS } from './settings';

/** One recorded edit time, as read from the store. */
export interface RecordedEditTime {
  /** The entry's key: delete exactly this one once the lead has synced. */
  key: string;
  leadId: string;
  at: number;
}

/** The entry recording that `leadId` was edited at `editedAt`: `EDITED_AT:<leadId>#<editedAt>` → `<editedAt>`. */
export function editTimeEntry(leadId: string, editedAt: number): [key: string, value: string] {
  const value = String(editedAt);
  return [`${STATE_KEYS.editedAtPrefix}${leadId}#${value}`, value];
}

/** Every recorded edit time in `entries` (keys without the `#<time>` suffix, from older versions, are read too). */
export function recordedEditTimes(entries: Record<string, string>): RecordedEditTime[] {
  const recorded: RecordedEditTime[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (!key.startsWith(STATE_KEYS.editedAtPrefix)) continue;
    const rest = key.slice(STATE_KEYS.editedAtPrefix.length);
    const suffix = `#${value}`;
    const leadId = rest.endsWith(suffix) ? rest.slice(0, -suffix.length) : rest;
    const at = Number(value);
    if (leadId && Number.isFinite(at)) recorded.push({ key, leadId, at });
  }
  return recorded;
}

/** The newest recorded edit time of each lead. */
export function newestEditTimes(recorded: readonly RecordedEditTime[]): Map<string, number> {
  const newest = new Map<string, number>();
  for (const { leadId, at } of recorded) newest.set(leadId, Math.max(at, newest.get(leadId) ?? at));
  return newest;
}
