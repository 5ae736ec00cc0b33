// How a run reads the lead tab and the base: whole (one call), or — for an edit or a delivery — only the header and
// the rows it is about, found by a search on the server, and only their base records. Rows are never identity: what
// was found is checked after it was read, and any doubt reads the whole tabs instead.
import type { BaseSnapshot } from '../adapters/sheet-base-store';
import { cellText } from '../core/cell-text';
import type { BoardView } from '../core/board';
import { leadIdMarkedIn } from '../core/card-description';
import { mayBeRenderedDate } from '../core/date-text';
import { MissingColumnsError, readLeadTable, type LeadTable } from '../core/lead-table';
import type { Settings } from '../core/settings';
import type { PlanScope } from '../core/sync-plan';
import { withDateSerials } from './date-fields';
import { dateIdRows } from './date-ids';
import type { LeadsAsRead, SheetTabs } from './sheet-writeback';

/** What a run read of the lead tab and the base. */
export interface SheetRead {
  read: LeadsAsRead;
  base: BaseSnapshot;
  /** True when the base holds no record (never written, or its tab deleted). */
  baseMissing: boolean;
  /** The text each date cell of a column mapped to a date field showed, by lead id and field. */
  shown: Map<string, Record<string, string>>;
}

/** The settings that say how the lead tab is read. */
export type TabSettings = Pick<Settings, 'sheetName' | 'mapping' | 'fieldMapping'>;

/** Most rows a run reads one by one: past it, the whole tabs are read (one call, whatever their size). */
const MAX_ROWS_READ = 50;

/** The whole lead tab and the whole base, in one call (one more for date cells of mapped columns, when some are new). */
export function readWholeTabs(tabs: SheetTabs, settings: TabSettings): SheetRead {
  const baseRange = tabs.base.range();
  const [values, baseValues = []] = tabs.api.read(baseRange ? [tabs.leads.range(), baseRange] : [tabs.leads.range()]);
  const base = tabs.base.parse(baseValues);
  const dated = withDateSerials(tabs.api, tabs.leads, values, settings.fieldMapping, base.records);
  const table = readLeadTable(settings.sheetName, dated.values, settings.mapping, dateIdRows(tabs.api, tabs.leads, values), settings.fieldMapping);
  return { read: { table, values }, base, baseMissing: base.records.size === 0, shown: dated.shown };
}

/**
 * A partial read with the date cells of mapped columns pinned down as a whole read pins them (the table is made again
 * from them, only when the mapping has such a column).
 */
function datedRead(tabs: SheetTabs, settings: TabSettings, read: LeadsAsRead, base: BaseSnapshot): SheetRead {
  const dated = withDateSerials(tabs.api, tabs.leads, read.values, settings.fieldMapping, base.records);
  const table = dated.values === read.values ? read.table : readLeadTable(settings.sheetName, dated.values, settings.mapping, undefined, settings.fieldMapping);
  return { read: { ...read, table }, base, baseMissing: false, shown: dated.shown };
}

/** Consecutive runs of `rows` (sorted, distinct). */
function runsOf(rows: readonly number[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last.last + 1 === row) last.last = row;
    else runs.push({ first: row, last: row });
  }
  return runs;
}

/** Rows of the base to read: which, and the tab's last row. */
interface BaseRows {
  rows: readonly number[];
  lastRow: number;
}

/**
 * The header and `rows` of the lead tab — and, when asked, the header and `baseRows` of the base — in one call. The
 * lead rows are laid out as a whole read lays them out (row r at index r - 1), every other row empty.
 */
function readParts(tabs: SheetTabs, rows: readonly number[], baseRows?: BaseRows): { values: unknown[][]; base?: BaseSnapshot } {
  const sorted = Array.from(new Set(rows)).filter((row) => row > 1).sort((a, b) => a - b);
  const runs = runsOf(sorted);
  const baseRanges = baseRows ? [tabs.base.rowRange(1), ...baseRows.rows.map((row) => tabs.base.rowRange(row))] : [];
  const answer = tabs.api.read([tabs.leads.headerRange(), ...runs.map((run) => tabs.leads.rowsRange(run.first, run.last)), ...baseRanges]);
  const values: unknown[][] = Array.from({ length: sorted[sorted.length - 1] ?? 1 }, () => []);
  values[0] = answer[0]?.[0] ?? [];
  runs.forEach((run, index) => {
    for (let row = run.first; row <= run.last; row++) values[row - 1] = answer[1 + index]?.[row - run.first] ?? [];
  });
  if (!baseRows) return { values };
  const [header = [], ...cells] = answer.slice(1 + runs.length);
  return { values, base: tabs.base.parseRows(header[0] ?? [], baseRows.rows.map((row, index) => ({ row, cells: cells[index]?.[0] ?? [] })), baseRows.lastRow) };
}

/** The header and `rows` of the lead tab in one call, row r at index r - 1 (every other row empty). */
export function readLeadRows(tabs: SheetTabs, rows: readonly number[]): unknown[][] {
  return readParts(tabs, rows).values;
}

/** The rows of the base whose lead id or card id is one of `keys`; undefined when the base is empty or lost. */
function baseRowsHolding(tabs: SheetTabs, keys: readonly string[]): BaseRows | undefined {
  const lastRow = tabs.base.lastRow();
  if (lastRow === undefined || lastRow < 2) return undefined;
  return { rows: tabs.base.rowsHolding(keys), lastRow };
}

/** The table of rows read, or undefined when the header lacks a column (the whole read reports it). */
function tableOf(settings: TabSettings, values: unknown[][]): LeadTable | undefined {
  try {
    return readLeadTable(settings.sheetName, values, settings.mapping, undefined, settings.fieldMapping);
  } catch (error) {
    if (error instanceof MissingColumnsError) return undefined;
    throw error;
  }
}

/** The id and card id texts of `rows` as read. */
function keysOf(table: LeadTable, values: unknown[][], rows: readonly number[]): string[] {
  const texts = (column: number) => rows.map((row) => cellText(values[row - 1]?.[column - 1])).filter(Boolean);
  return Array.from(new Set([...texts(table.columns.id), ...texts(table.columns.trello_card_id)]));
}

/**
 * True when no row but `rows` holds one of their ids or card ids in the id or card column (a duplicate makes every row
 * sharing it a flagged one), and each of those cells was found where it was read (the rows have not moved, and the
 * search sees the cells as the read did).
 */
function onlyWhereRead(tabs: SheetTabs, table: LeadTable, values: unknown[][], rows: readonly number[]): boolean {
  const keyColumns = [table.columns.id, table.columns.trello_card_id];
  const found = tabs.leads.cellsHolding(keysOf(table, values, rows)).filter((cell) => keyColumns.includes(cell.column));
  const readRows = new Set(rows);
  if (found.some((cell) => !readRows.has(cell.row))) return false;
  const at = new Set(found.map((cell) => `${cell.row}:${cell.column}`));
  return rows.every((row) => keyColumns.every((column) => !cellText(values[row - 1]?.[column - 1]) || at.has(`${row}:${column}`)));
}

/**
 * True when `base` holds what a partial run needs of the leads in `table`: a record for each linked one (a linked lead
 * the base does not know is one the whole read looks at) and no other lead still linked to one of their cards.
 */
function coversLeads(base: BaseSnapshot, table: LeadTable): boolean {
  const leadIds = new Set(table.leads.map((lead) => lead.id));
  const cards = new Set(table.leads.map((lead) => lead.cardId).filter(Boolean));
  if (table.leads.some((lead) => lead.cardId && !base.records.has(lead.id))) return false;
  return Array.from(base.records.values()).every((record) => leadIds.has(record.leadId) || record.rowDeleted || !cards.has(record.cardId) || table.presentIds.has(record.leadId));
}

/** True when the id of one of `rows` may be a date shown as text (the whole read reads the id column as serial numbers). */
function hasDateLikeId(table: LeadTable, values: unknown[][], rows: readonly number[]): boolean {
  return rows.some((row) => {
    const id = values[row - 1]?.[table.columns.id - 1];
    return typeof id === 'string' && mayBeRenderedDate(id);
  });
}

/**
 * Rows `first`…`last` as a person just edited them, with the header and their base records (read only when the base
 * holds some); undefined when the whole tabs must be read: too many rows, a duplicate id or card id, a linked lead the
 * base does not know, an empty or lost base, or a row that moved meanwhile.
 */
export function readEditedRows(tabs: SheetTabs, settings: TabSettings, first: number, last: number): SheetRead | undefined {
  if (last - first + 1 > MAX_ROWS_READ) return undefined;
  const rows = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const { values } = readParts(tabs, rows);
  const table = tableOf(settings, values);
  if (!table || hasDateLikeId(table, values, rows) || !onlyWhereRead(tabs, table, values, rows)) return undefined;
  // Rows with no lead (flagged ones) need no base record.
  const baseRows = table.leads.length ? baseRowsHolding(tabs, keysOf(table, values, rows)) : { rows: [], lastRow: 1 };
  const base = baseRows && (baseRows.rows.length ? readParts(tabs, [], baseRows).base : tabs.base.parseRows(undefined, [], baseRows.lastRow));
  return base && coversLeads(base, table) ? datedRead(tabs, settings, { table, values, rows }, base) : undefined;
}

/**
 * The cards a lead without one in `scope` could adopt (those carrying its marker, and the one its base record
 * remembers), among the open cards of `board`.
 */
export function adoptableCards(sheetRead: SheetRead, board: BoardView, scope: PlanScope | undefined): string[] {
  const unlinked = new Set(sheetRead.read.table.leads.filter((lead) => !lead.cardId && (!scope || scope.leadIds.has(lead.id))).map((lead) => lead.id));
  if (unlinked.size === 0) return [];
  const remembered = Array.from(unlinked, (leadId) => sheetRead.base.records.get(leadId)?.cardId ?? '');
  const marked = Array.from(board.cards.values()).filter((card) => unlinked.has(leadIdMarkedIn(card.desc) ?? '')).map((card) => card.id);
  return Array.from(new Set([...remembered, ...marked])).filter((cardId) => board.cards.has(cardId));
}

/**
 * For rows read one by one (a whole read sees every link): counts each of `cardIds` linked elsewhere — in the card
 * column of any row, or in a base record the run did not read (another lead's) — among the card ids present in the
 * sheet, one search each (no cell data), so that a lead without a card never adopts one another lead holds.
 */
export function noteCardsLinkedElsewhere(tabs: SheetTabs, sheetRead: SheetRead, cardIds: readonly string[]): void {
  const { read, base } = sheetRead;
  const ownRows = new Set(base.rows.values());
  for (const cardId of cardIds) {
    const inSheet = tabs.leads.cellsHolding([cardId]).some((cell) => cell.column === read.table.columns.trello_card_id);
    if (inSheet || tabs.base.rowsHolding([cardId]).some((row) => !ownRows.has(row))) read.table.presentCardIds.add(cardId);
  }
}

/**
 * The rows linked to `cardIds` (found by a search of their card ids) with the header, and the base records of those
 * cards, in one call; of the rows, only those of the cards `needed` picks from the base part are kept (the others need
 * no lead row). Undefined when the whole tabs must be read: too many cards or rows, an empty or lost base, a needed card
 * in no row (a card made on the board, or a deleted row's), a duplicate, a lead the base part does not hold, or a row
 * that moved between the search and the read.
 */
export function readRowsOfCards(
  tabs: SheetTabs,
  settings: TabSettings,
  cardIds: readonly string[],
  needed: (base: BaseSnapshot) => readonly string[],
): SheetRead | undefined {
  if (cardIds.length === 0 || cardIds.length > MAX_ROWS_READ) return undefined;
  const baseRows = baseRowsHolding(tabs, cardIds);
  if (!baseRows) return undefined;
  const found = Array.from(new Set(tabs.leads.cellsHolding(cardIds).map((cell) => cell.row))).filter((row) => row > 1);
  if (found.length > MAX_ROWS_READ) return undefined;
  const { values, base } = readParts(tabs, found, baseRows);
  const header = tableOf(settings, values);
  if (!header || !base) return undefined;
  const wanted = needed(base);
  const cardAt = (row: number) => cellText(values[row - 1]?.[header.columns.trello_card_id - 1]);
  // A row found for a card id in another column (or holding another text by now), or not needed, is not read as a lead.
  const rows = found.filter((row) => wanted.includes(cardAt(row)));
  for (const row of found) if (!rows.includes(row)) values[row - 1] = [];
  if (!wanted.every((cardId) => rows.some((row) => cardAt(row) === cardId))) return undefined;
  const table = tableOf(settings, values);
  if (!table || (rows.length && (hasDateLikeId(table, values, rows) || !onlyWhereRead(tabs, table, values, rows) || !coversLeads(base, table)))) return undefined;
  return datedRead(tabs, settings, { table, values, rows }, base);
}
