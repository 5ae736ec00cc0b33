// Writes a run's results into the spreadsheet: lead cells at the rows their ids hold now and in the columns their
// headers hold now (people sort, insert and delete rows and columns while a run talks to Trello), appended leads,
// flags, base and log — values and notes in one call.
import type { SheetBaseStore, BaseSnapshot } from '../adapters/sheet-base-store';
import type { SheetLeadStore } from '../adapters/sheet-lead-store';
import type { SheetSyncLog, TimedLogLine } from '../adapters/sheet-sync-log';
import type { SheetsApi } from '../adapters/sheets-api';
import type { BaseRecord } from '../core/base-record';
import { cellText } from '../core/cell-text';
import { reconcileFlags, type FlagCount } from '../core/flag-notes';
import { LEAD_COLUMNS } from '../core/lead';
import { locateColumns, type ColumnIndex, type LeadTable, type SheetColumns } from '../core/lead-table';
import type { CellChange } from '../core/range-runs';
import type { LogLine, NewLeadRow } from '../core/sync-plan';
import type { LeadCellChange, SheetChanges } from './apply-plan';
import { readLeadRows } from './sheet-reads';

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
  /** Row r at index r - 1 (the header first); rows not read are empty. */
  values: readonly (readonly unknown[])[];
  /** The rows read, when only some were (besides the header); undefined when the whole tab was. */
  rows?: readonly number[];
}

/**
 * How a run reconciles flags: from the flagged cells and rows the last runs left, over every row (full runs) or over
 * the rows a person edited (edit runs).
 */
export interface Flagging {
  count: FlagCount;
  rows?: { first: number; last: number };
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
  /** Cells and rows carrying a flag after this run; undefined when flags were not reconciled. */
  flags?: FlagCount;
}

/** The text of one column of `values`, row by row. */
function columnTexts(values: readonly (readonly unknown[])[], column: number): string[] {
  return values.map((row) => cellText(row[column - 1]));
}

/** Rows of each id, from the id column as it stands now (row 1, the header, included). */
function rowsOfIds(ids: string[]): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  ids.forEach((id, index) => {
    if (index === 0 || !id) return;
    const known = rows.get(id);
    // Stryker disable next-line ArithmeticOperator: an id in two rows is ambiguous whatever number its second row gets.
    if (known) known.push(index + 1);
    else rows.set(id, [index + 1]);
  });
  return rows;
}

function sameIds(before: string[], now: string[]): boolean {
  const length = Math.max(before.length, now.length);
  for (let index = 0; index < length; index++) if ((before[index] ?? '') !== (now[index] ?? '')) return false;
  return true;
}

function sameColumns(before: SheetColumns, now: Partial<ColumnIndex> & Record<string, number>): boolean {
  return Object.keys(before).every((column) => before[column] === now[column]);
}

/** The keys of the columns FIELD_MAPPING maps beyond the lead columns, as the run found them. */
function mappedKeys(columns: SheetColumns): string[] {
  const lead: readonly string[] = LEAD_COLUMNS;
  // Stryker disable next-line MethodExpression: locating a lead column twice finds it at the same place.
  return Object.keys(columns).filter((key) => !lead.includes(key));
}

/**
 * The lead tab as it stands when the run writes: where each lead column is (a deleted one is absent), each row's id,
 * and the cells of the columns the run writes.
 */
interface LeadTabNow {
  columns: Partial<ColumnIndex> & Record<string, number>;
  /** Columns of the header row. */
  width: number;
  /** The id of each row (row 1, the header, included); empty when the id column is gone. */
  ids: string[];
  /** The text of each row of the columns read, by column number (row 1 first). */
  texts: Map<number, string[]>;
}

/**
 * Reads the header, the id column and the columns the run writes again in one call (a second one only for columns
 * that moved), because people edit cells and insert and delete columns and rows while a run waits on Trello.
 */
function readColumnsNow(tabs: SheetTabs, table: LeadTable, written: readonly string[]): LeadTabNow {
  const readColumns = (numbers: number[], extra: string[] = []) => tabs.api.read([...extra, ...numbers.map((column) => tabs.leads.columnRange(column))]);
  const asRead = Array.from(new Set([table.columns.id, ...written.map((column) => table.columns[column])]));
  const [header = [], ...values] = readColumns(asRead, [tabs.leads.headerRange()]);
  const texts = new Map(asRead.map((column, index) => [column, columnTexts(values[index] ?? [], 1)]));
  // Stryker disable next-line ArrayDeclaration: an empty header and a header of one unknown text locate the same columns.
  const columns = locateColumns(header[0] ?? [], mappedKeys(table.columns));
  const width = header[0]?.length ?? 0;
  // Stryker disable next-line ArrayDeclaration: the header row never holds a lead id, so no lead is found either way.
  if (columns.id === undefined) return { columns, width, ids: [], texts };
  // Texts are kept by column number, so a column read above is current whatever header it has now.
  const moved = Array.from(new Set([columns.id, ...written.map((column) => columns[column])])).filter(
    (column): column is number => column !== undefined && !texts.has(column),
  );
  if (moved.length) readColumns(moved).forEach((columnValues, index) => texts.set(moved[index], columnTexts(columnValues, 1)));
  // Stryker disable next-line ArrayDeclaration: the id column is among the columns read above, so it always has its texts.
  return { columns, width, ids: texts.get(columns.id) ?? [], texts };
}

/**
 * For a run that read only some rows: finds where the leads it writes are now (one search of their ids), and reads the
 * header, those rows and the rows it read again in one call.
 */
function readRowsNow(tabs: SheetTabs, table: LeadTable, rowsRead: readonly number[], leadIds: readonly string[]): LeadTabNow {
  const found = tabs.leads.cellsHolding(leadIds).map((cell) => cell.row);
  const values = readLeadRows(tabs, [...rowsRead, ...found]);
  // Stryker disable next-line ArrayDeclaration: readLeadRows always gives the header row.
  const header = values[0] ?? [];
  const columns = locateColumns(header, mappedKeys(table.columns));
  const width = Math.max(header.length, ...values.map((row) => row.length));
  const texts = new Map(Array.from({ length: width }, (_, index) => [index + 1, columnTexts(values, index + 1)]));
  // Stryker disable next-line ArrayDeclaration: the header row never holds a lead id, and texts covers every header column.
  return { columns, width: header.length, ids: columns.id === undefined ? [] : (texts.get(columns.id) ?? []), texts };
}

/**
 * For a run that read only some rows and writes nothing but flag notes on `rows`: checks by two searches (no cell data)
 * that the lead and mapped columns of the header and the ids of those rows are where the run read them; undefined when they are
 * not, or a row has no id to find it by (then the rows are read again). Only notes depend on it: should two synced
 * columns swap places meanwhile, a flag lands on the wrong cell of its row until the next full run moves it.
 */
function checkedByFind(tabs: SheetTabs, read: LeadsAsRead, rows: readonly number[]): LeadTabNow | undefined {
  const { table, values } = read;
  const ids = columnTexts(values, table.columns.id);
  if (rows.some((row) => !ids[row - 1])) return undefined;
  // Stryker disable next-line ArrayDeclaration: the values read always start with the header row the table was read from.
  const header = values[0] ?? [];
  const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((item) => b.includes(item));
  const keys: readonly string[] = Object.keys(table.columns);
  const columnsAsRead = header.flatMap((cell, index) => (keys.includes(cellText(cell).toLowerCase()) ? [index + 1] : []));
  if (!sameSet(columnsAsRead, tabs.leads.headerCellsHolding(keys).map((cell) => cell.column))) return undefined;
  const found = tabs.leads.cellsHolding(rows.map((row) => ids[row - 1])).filter((cell) => cell.column === table.columns.id);
  if (!sameSet(Array.from(new Set(rows)), found.map((cell) => cell.row))) return undefined;
  return { columns: table.columns, width: header.length, ids, texts: new Map() };
}

/** The lead tab as it stands now, read as the run read it: whole columns, or rows. */
function readLeadTabNow(tabs: SheetTabs, read: LeadsAsRead, written: readonly string[], leadIds: readonly string[]): LeadTabNow {
  return read.rows ? readRowsNow(tabs, read.table, read.rows, leadIds) : readColumnsNow(tabs, read.table, written);
}

/** The sheet row of a lead made from a board card, laid out in the tab's columns as they are now. */
function appendedRow(lead: NewLeadRow, columns: Partial<ColumnIndex> & Record<string, number>, width: number): unknown[] {
  const cells: Record<string, string | boolean> = { ...lead.fields, id: lead.id, name: lead.name, email: lead.email, status: lead.status, source: lead.source, trello_card_id: lead.cardId };
  const row: unknown[] = new Array(Math.max(width, ...Object.values(columns))).fill('');
  for (const [column, value] of Object.entries(cells)) {
    const at = columns[column];
    if (at !== undefined) row[at - 1] = value;
  }
  return row;
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
  const scope = flagging?.rows;
  const problems = scope ? changes.problems.filter((problem) => problem.row >= scope.first && problem.row <= scope.last) : changes.problems;
  const readsNotes = flagging !== undefined && (problems.length > 0 || flagging.count.cells > 0);
  const flags = readsNotes ? reconcileFlags(problems, tabs.leads.readNotes(scope), table.columns, scope?.first) : undefined;
  const report: WritebackReport = { flagLines: [], flagged: 0, dropped: 0, changedCells: 0 };

  // Rows and columns are not identity: when the lead tab changes, its header and id column are read again just before
  // writing, and each value goes where its lead's id and its column's header are now — or waits for the next run.
  const touchesLeadTab = changes.cells.length > 0 || changes.appended.length > 0 || (flags?.notes.length ?? 0) > 0;
  const idsBefore = columnTexts(read.values, table.columns.id);
  const written = Array.from(new Set(changes.cells.map((change) => change.column)));
  const locating = Array.from(new Set([...changes.cells.map((change) => change.leadId), ...problems.map((problem) => problem.leadId).filter(Boolean)]));
  // Rows read one by one and only flag notes to write: two searches show whether the rows are still there.
  const notesOnly = read.rows !== undefined && changes.cells.length === 0 && changes.appended.length === 0 && flags !== undefined;
  const checked = touchesLeadTab && notesOnly ? checkedByFind(tabs, read, flags.notes.map((note) => note.row)) : undefined;
  // Stryker disable next-line OptionalChaining: the values read always start with the header row the table was read from.
  const tab = touchesLeadTab ? (checked ?? readLeadTabNow(tabs, read, written, locating)) : { columns: table.columns, width: read.values[0]?.length ?? 0, ids: idsBefore, texts: new Map<number, string[]>() };
  const rowsNow = rowsOfIds(tab.ids);
  const rowAsRead = new Map(table.leads.map((lead) => [lead.id, lead.row]));
  // A cell a person changed since the run read it holds the newer edit: it is not overwritten.
  const unchangedSinceRead = (change: LeadCellChange, row: number, column: number) =>
    // Stryker disable next-line OptionalChaining: cell changes are only for leads the run read, in columns read just now.
    cellText(read.values[(rowAsRead.get(change.leadId) ?? 0) - 1]?.[table.columns[change.column] - 1]) === (tab.texts.get(column)?.[row - 1] ?? '');

  // A lead whose cells cannot be written now keeps its old base, so that the next run sees the change again.
  const waiting = new Set<string>();
  const cells: CellChange[] = [];
  for (const change of changes.cells) {
    const rows = rowsNow.get(change.leadId) ?? [];
    const column = tab.columns[change.column];
    if (rows.length === 1 && column !== undefined && unchangedSinceRead(change, rows[0], column)) cells.push({ row: rows[0], column, value: change.value });
    else {
      report.dropped++;
      waiting.add(change.leadId);
    }
  }
  report.changedCells = cells.length;

  // Without the id column a new row could not be told from others: its lead waits, unknown to the base, for the next
  // run, which imports its card again.
  const appendable = tab.columns.id !== undefined;
  const appended = appendable ? changes.appended : [];
  if (!appendable) {
    report.dropped += changes.appended.length;
    for (const lead of changes.appended) waiting.add(lead.id);
  }

  // Flags are tied to cells as read; if rows or columns moved meanwhile, the next run sets them where they are then.
  const flagNotes = flags && sameIds(idsBefore, tab.ids) && sameColumns(table.columns, tab.columns) ? flags : undefined;
  if (flagNotes) {
    report.flagged = flagNotes.newlyFlagged.length;
    // Stryker disable next-line ObjectLiteral,OptionalChaining: flags are reconciled only with a flagging, which always has a count.
    const count = flagging?.count ?? { cells: 0, rows: 0 };
    // A full run counts every flag; an edit run changes the count by what it did to the rows it read.
    report.flags = scope
      ? { cells: Math.max(0, count.cells - flagNotes.before.cells + flagNotes.after.cells), rows: Math.max(0, count.rows - flagNotes.before.rows + flagNotes.after.rows) }
      : flagNotes.after;
    report.flagLines = flagNotes.newlyFlagged.map((problem) => ({ direction: 'info', leadId: problem.leadId, message: `Row ${problem.row}: ${problem.message}` }));
  }
  const timedFlagLines = report.flagLines.map((line) => ({ ...line, at: now }));

  tabs.api.write(
    [
    ...tabs.leads.cellWrites(cells),
    ...tabs.leads.appendWrite(
      Math.max(tabs.leads.lastRow(), tab.ids.length),
      appended.map((lead) => appendedRow(lead, tab.columns, tab.width)),
    ),
    ...tabs.base.writes(
      base.snapshot,
      base.records.filter((record) => !waiting.has(record.leadId)),
    ),
      ...(tabs.log ? tabs.log.writes([...lines, ...timedFlagLines]) : []),
    ],
    flagNotes ? tabs.leads.noteChanges(flagNotes.notes) : [],
  );
  return report;
}
