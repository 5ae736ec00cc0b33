// The installable edit trigger: syncs the rows a person edited, reading them under the lock; when another run holds
// the lock, it records when those leads' synced fields were edited so the conflict rule still knows.
import type { Services } from '../adapters/gas-services';
import { cellText } from '../core/cell-text';
import { editTimeEntries, fieldsInColumns } from '../core/edit-times';
import { indexColumns, type SheetColumns } from '../core/lead-table';
import { hasRoomFor, isConnected, settingsFrom, STATE_KEYS, type Settings } from '../core/settings';
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
  const firstColumn = event.range.getColumn();
  const lastColumn = firstColumn + event.range.getNumColumns() - 1;
  const edit: EditedRange = { firstRow, lastRow, firstColumn, lastColumn, editedAt: services.clock.now() };
  const summary = guardedSync(services, { kind: 'leads', ...edit }, LOCK_WAIT_MS.edit);
  if (summary.busy) rememberEdit(services, entries, sheet.getParent(), settings, edit);
  return summary;
}

/** The rows and columns of one edit, and when it happened. */
interface EditedRange {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  editedAt: number;
}

/**
 * Records the edit time of the synced fields whose columns the edit touched, for the leads in the edited rows (the
 * header and those rows read without the lock: only ids and the header are taken from them). An edit of other columns records nothing: it is
 * no change of a field the conflict rule compares.
 */
function rememberEdit(services: Services, entries: Record<string, string>, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings, edit: EditedRange): void {
  const { sheetName, fieldMapping } = settings;
  const leads = services.leadStore(spreadsheet, sheetName);
  const [header, rows = []] = services.sheetsApi(spreadsheet, edit.editedAt + QUOTA_WAIT_LIMIT_MS).read([leads.headerRange(), leads.rowsRange(edit.firstRow, edit.lastRow)]);
  let columns: SheetColumns;
  try {
    columns = indexColumns(sheetName, header[0] ?? [], fieldMapping);
  } catch {
    return; // the next full run reports the missing column
  }
  const fields = fieldsInColumns(columns, edit.firstColumn, edit.lastColumn, fieldMapping);
  const leadIds = rows.map((row) => cellText(row[columns.id - 1])).filter(Boolean);
  if (leadIds.length === 0 || fields.length === 0) return;
  if (hasRoomFor(entries, STATE_KEYS.editedAtPrefix, leadIds.length * fields.length)) {
    services.store.set(editTimeEntries(leadIds, fields, edit.editedAt));
  } else raiseFullPull(services, 'edits');
}
