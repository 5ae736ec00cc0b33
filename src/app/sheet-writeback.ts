// Writes a run's results into the spreadsheet: lead cells at the rows their ids hold now (people sort and insert rows
// while a run talks to Trello), appended leads, flags, base and log — values in one call, notes in one more.
import type { SheetBaseStore, BaseSnapshot } from '../adapters/sheet-base-store';
import type { SheetLeadStore } from '../adapters/sheet-lead-store';
import type { SheetSyncLog, TimedLogLine } from '../adapters/sheet-sync-log';
import type { SheetsApi } from '../adapters/sheets-api';
import type { BaseRecord } from '../core/base-record';
import { cellText } from '../core/cell-text';
import { reconcileFlags } from '../core/flag-notes';
import type { LeadTable } from '../core/lead-table';
import type { CellChange } from '../core/range-runs';
import type { LogLine } from '../core/sync-plan';
import type { SheetChanges } from './apply-plan';

/** The tabs and the API a write-back goes through. */
export interface SheetTabs {
  api: SheetsApi;
  leads: SheetLeadStore;
  base: SheetBaseStore;
  /** Present in full runs, which write the Sync Log (partial runs leave their lines for the next full run). */
  log?: SheetSyncLog;
}

/** What the run read of the lead tab. */
export interface LeadsAsRead {
  table: LeadTable;
  values: readonly (readonly unknown[])[];
}

/** Full runs reconcile flags; they know how many flagged cells the last one left. */
export interface Flagging {
  flaggedCells: number;
}

/** What the write-back did beyond writing. */
export interface WritebackReport {
  /** Log lines of flags set this run. */
  flagLines: LogLine[];
  /** Rows newly flagged. */
  flagged: number;
  /** Cell changes not written because their lead's row is gone or no longer unique (the next run redoes them). */
  dropped: number;
  /** Cells written. */
  changedCells: number;
  /** Cells carrying a flag after this run; undefined when flags were not reconciled. */
  flaggedCells?: number;
}

function idsByRow(values: readonly (readonly unknown[])[], idColumn: number): string[] {
  return values.map((row) => cellText(row[idColumn - 1]));
}

/** Rows of each id, from the id column as it stands now (row 1, the header, included). */
function rowsOfIds(ids: string[]): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  ids.forEach((id, index) => {
    if (index > 0 && id) rows.set(id, [...(rows.get(id) ?? []), index + 1]);
  });
  return rows;
}

function sameIds(before: string[], now: string[]): boolean {
  const length = Math.max(before.length, now.length);
  for (let index = 0; index < length; index++) if ((before[index] ?? '') !== (now[index] ?? '')) return false;
  return true;
}

/** Writes `changes`, the base `records` and the log `lines` (full runs) in as few calls as the changes need. */
export function writeBack(
  tabs: SheetTabs,
  read: LeadsAsRead,
  changes: SheetChanges,
  base: { snapshot: BaseSnapshot; records: BaseRecord[] },
  lines: TimedLogLine[],
  now: number,
  flagging?: Flagging,
): WritebackReport {
  const { table } = read;
  // Notes are read only when there is a flag to set or one to clear (a quiet run makes no such call).
  const readsNotes = flagging !== undefined && (changes.problems.length > 0 || flagging.flaggedCells > 0);
  const flags = readsNotes ? reconcileFlags(changes.problems, tabs.leads.readNotes(), table.columns) : undefined;
  const report: WritebackReport = { flagLines: [], flagged: 0, dropped: 0, changedCells: 0 };

  // Rows are not identity: when the lead tab changes, the id column is read again just before writing.
  const touchesLeadTab = changes.cells.length > 0 || changes.appended.length > 0 || (flags?.notes.length ?? 0) > 0;
  const idsBefore = idsByRow(read.values, table.columns.id);
  const idsNow = touchesLeadTab ? idsByRow(tabs.api.read([tabs.leads.columnRange(table.columns.id)])[0], 1) : idsBefore;
  const rowsNow = rowsOfIds(idsNow);

  const cells: CellChange[] = [];
  for (const change of changes.cells) {
    const rows = rowsNow.get(change.leadId) ?? [];
    if (rows.length === 1) cells.push({ row: rows[0], column: table.columns[change.column], value: change.value });
    else report.dropped++;
  }
  report.changedCells = cells.length;

  // Flags are tied to rows as read; if rows moved meanwhile, the next run sets them on the rows as they are then.
  const flagNotes = flags && sameIds(idsBefore, idsNow) ? flags : undefined;
  if (flagNotes) {
    report.flagged = flagNotes.newlyFlagged.length;
    report.flaggedCells = flagNotes.flaggedCells;
    report.flagLines = flagNotes.newlyFlagged.map((problem) => ({ direction: 'info', leadId: problem.leadId, message: `Row ${problem.row}: ${problem.message}` }));
  }
  const timedFlagLines = report.flagLines.map((line) => ({ ...line, at: now }));

  tabs.api.write([
    ...tabs.leads.cellWrites(cells),
    ...tabs.leads.appendWrite(Math.max(tabs.leads.lastRow(), idsNow.length), changes.appended),
    ...tabs.base.writes(base.snapshot, base.records),
    ...(tabs.log ? tabs.log.writes([...lines, ...timedFlagLines]) : []),
  ]);
  tabs.api.writeNotes(flagNotes ? tabs.leads.noteChanges(flagNotes.notes) : []);
  return report;
}
