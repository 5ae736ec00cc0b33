// The installable edit trigger: records when a person edited which leads, then syncs just those rows.
import type { Services } from '../adapters/gas-services';
import { cellText } from '../core/cell-text';
import { indexColumns } from '../core/lead-table';
import { guardedSync, LOCK_WAIT_MS } from './run-guard';
import { hasRoomFor, settingsFrom, STATE_KEYS } from '../core/settings';
import type { SyncSummary } from './sync-run';

/** The parts of an edit event the trigger reads. */
export interface EditEvent {
  range: GoogleAppsScript.Spreadsheet.Range;
}

/** Handles one edit; null when the edit is not about leads (another tab, the header, not connected). */
export function handleSheetEdit(services: Services, event: EditEvent): SyncSummary | null {
  const entries = services.store.getAll();
  const settings = settingsFrom(entries);
  if (!settings.key || !settings.token || !settings.boardId) return null;
  const sheet = event.range.getSheet();
  if (sheet.getName() !== settings.sheetName) return null;
  const firstRow = Math.max(event.range.getRow(), 2);
  const lastRow = event.range.getRow() + event.range.getNumRows() - 1;
  if (lastRow < firstRow) return null;

  const values = services.leadStore(sheet.getParent(), settings.sheetName).readValues();
  let idColumn: number;
  try {
    idColumn = indexColumns(settings.sheetName, values[0] ?? []).id;
  } catch {
    return null; // the next full run reports the missing column
  }
  const leadIds = values
    .slice(firstRow - 1, lastRow)
    .map((row) => cellText(row[idColumn - 1]))
    .filter(Boolean);
  if (leadIds.length === 0) return null;
  // Recorded before the lock: if another run holds it, the edit time still reaches the conflict rule later.
  const editedAt = String(services.clock.now());
  if (hasRoomFor(entries, STATE_KEYS.editedAtPrefix, leadIds.length)) {
    services.store.set(Object.fromEntries(leadIds.map((leadId) => [STATE_KEYS.editedAtPrefix + leadId, editedAt])));
  }
  return guardedSync(services, { kind: 'leads', leadIds, values }, LOCK_WAIT_MS.edit);
}
