// The installable edit trigger: syncs the rows a person edited, reading them under the lock; when another run holds
// the lock, it records when those leads were edited so the conflict rule still knows.
import type { Services } from '../adapters/gas-services';
import { cellText } from '../core/cell-text';
import { editTimeEntry } from '../core/edit-times';
import { indexColumns } from '../core/lead-table';
import { hasRoomFor, isConnected, settingsFrom, STATE_KEYS } from '../core/settings';
import { raiseFullPull } from './full-pull-flag';
import { guardedSync, LOCK_WAIT_MS } from './run-guard';
import { QUOTA_WAIT_LIMIT_MS } from './sync-run';
import type { SyncSummary } from '../core/sync-summary';

/** The parts of an edit event the trigger reads. */
export interface EditEvent {
  range: GoogleAppsScript.Spreadsheet.Range;
}

/** Handles one edit; null when the edit is not about leads (another tab, the header, not connected). */
export function handleSheetEdit(services: Services, event: EditEvent): SyncSummary | null {
  const entries = services.store.getAll();
  const settings = settingsFrom(entries);
  if (!isConnected(settings)) return null;
  const sheet = event.range.getSheet();
  if (sheet.getName() !== settings.sheetName) return null;
  const firstRow = Math.max(event.range.getRow(), 2);
  const lastRow = event.range.getRow() + event.range.getNumRows() - 1;
  if (lastRow < firstRow) return null;
  const editedAt = services.clock.now();
  const summary = guardedSync(services, { kind: 'leads', firstRow, lastRow, editedAt }, LOCK_WAIT_MS.edit);
  if (summary.busy) rememberEdit(services, entries, sheet.getParent(), settings.sheetName, firstRow, lastRow, editedAt);
  return summary;
}

/** Records the edit time of the leads in the edited rows (read without the lock: only ids are taken from them). */
function rememberEdit(
  services: Services,
  entries: Record<string, string>,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetName: string,
  firstRow: number,
  lastRow: number,
  editedAt: number,
): void {
  const leads = services.leadStore(spreadsheet, sheetName);
  const [values] = services.sheetsApi(spreadsheet, editedAt + QUOTA_WAIT_LIMIT_MS).read([leads.range()]);
  let idColumn: number;
  try {
    idColumn = indexColumns(sheetName, values[0] ?? []).id;
  } catch {
    return; // the next full run reports the missing column
  }
  const leadIds = values
    .slice(firstRow - 1, lastRow)
    .map((row) => cellText(row[idColumn - 1]))
    .filter(Boolean);
  if (leadIds.length === 0) return;
  if (hasRoomFor(entries, STATE_KEYS.editedAtPrefix, leadIds.length)) {
    services.store.set(Object.fromEntries(leadIds.map((leadId) => editTimeEntry(leadId, editedAt))));
  } else raiseFullPull(services, 'edits');
}
