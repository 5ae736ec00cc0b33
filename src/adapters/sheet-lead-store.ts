// SheetLeadStore: the lead tab — its values read with the base in one call (or only some rows, found by a search),
// written back cell by cell, never whole.
import { columnRuns, type CellChange } from '../core/range-runs';
import { a1Column, a1Range, a1Row, type NoteChange, type TabWrite } from './sheets-api';
import { ensureRows } from './sheet-writes';
import { cellsHolding, type CellPosition } from './text-search';

/** The lead tab adapter: ranges for the batched reads and writes, and what SpreadsheetApp does better. */
export class SheetLeadStore {
  constructor(private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet) {}

  /** The tab's name. */
  get name(): string {
    return this.sheet.getName();
  }

  /** The whole tab, for a batched read. */
  range(): string {
    return a1Range(this.name);
  }

  /** The header row of the tab, for a batched read. */
  headerRange(): string {
    return a1Row(this.name, 1);
  }

  /** Whole rows `first`…`last` of the tab, for a batched read. */
  rowsRange(first: number, last: number): string {
    return a1Row(this.name, first, last);
  }

  /** Where cells hold exactly one of `texts` (one search on the server; no cell data read). */
  cellsHolding(texts: readonly string[]): CellPosition[] {
    return cellsHolding(this.sheet, texts);
  }

  /** Where cells of the header row hold one of `texts` (one search on the server; no cell data read). */
  headerCellsHolding(texts: readonly string[]): CellPosition[] {
    return cellsHolding(this.sheet.getRange('1:1'), texts);
  }

  /** One column of the tab, or its cells in rows `first`…`last` only, for a batched read. */
  columnRange(column: number, rows?: { first: number; last: number }): string {
    return rows ? a1Range(this.name, { row: rows.first, column, rows: rows.last - rows.first + 1, columns: 1 }) : a1Column(this.name, column);
  }

  /** The header row (one Sheets call). */
  readHeader(): unknown[] {
    return this.sheet.getRange(1, 1, 1, Math.max(this.sheet.getLastColumn(), 1)).getValues()[0];
  }

  /** Every note of the data range, or of rows `first`…`last` only (one Sheets call). */
  readNotes(rows?: { first: number; last: number }): string[][] {
    if (!rows) return this.sheet.getDataRange().getNotes();
    const last = Math.min(rows.last, this.sheet.getMaxRows());
    if (last < rows.first) return [];
    return this.sheet.getRange(rows.first, 1, last - rows.first + 1, Math.max(this.sheet.getLastColumn(), 1)).getNotes();
  }

  /** The last row with content now (not a data call). */
  lastRow(): number {
    return this.sheet.getLastRow();
  }

  /** Blocks that set exactly these cells. */
  cellWrites(changes: CellChange[]): TabWrite[] {
    return columnRuns(changes).map((run) => ({ sheetName: this.name, ...run }));
  }

  /** A block of new rows after `afterRow`, with room made for it. */
  appendWrite(afterRow: number, rows: unknown[][]): TabWrite[] {
    if (rows.length === 0) return [];
    ensureRows(this.sheet, afterRow + rows.length);
    return [{ sheetName: this.name, row: afterRow + 1, column: 1, values: rows }];
  }

  /** Note changes of this tab. */
  noteChanges(changes: CellChange[]): NoteChange[] {
    const sheetId = this.sheet.getSheetId();
    return changes.map((change) => ({ sheetId, row: change.row, column: change.column, note: String(change.value) }));
  }

  /** Puts a dropdown of the statuses on the status column below the header (invalid values are shown, not refused). */
  setStatusDropdown(column: number, statuses: string[]): void {
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(statuses, true).setAllowInvalid(true).build();
    this.sheet.getRange(2, column, Math.max(this.sheet.getMaxRows() - 1, 1), 1).setDataValidation(rule);
  }
}
