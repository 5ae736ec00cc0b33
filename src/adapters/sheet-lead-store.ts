// SheetLeadStore: the lead tab — read once per run, written in a few grouped blocks.
import type { RangeWrite } from '../core/column-writes';
import { appendBlock, writeNoteBlocks, writeValueBlocks } from './sheet-writes';

/** The lead sheet adapter. */
export class SheetLeadStore {
  constructor(private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet) {}

  /** The tab's name. */
  get name(): string {
    return this.sheet.getName();
  }

  /** Every value of the data range, header included (one Sheets call). */
  readValues(): unknown[][] {
    return this.sheet.getDataRange().getValues();
  }

  /** The header row (one Sheets call). */
  readHeader(): unknown[] {
    return this.sheet.getRange(1, 1, 1, Math.max(this.sheet.getLastColumn(), 1)).getValues()[0];
  }

  /** Every note of the data range (one Sheets call). */
  readNotes(): string[][] {
    return this.sheet.getDataRange().getNotes();
  }

  writeCells(writes: RangeWrite[]): void {
    writeValueBlocks(this.sheet, writes);
  }

  writeNotes(writes: RangeWrite[]): void {
    writeNoteBlocks(this.sheet, writes);
  }

  /** Appends rows below row `lastRow` in one call. */
  appendRows(lastRow: number, rows: unknown[][]): void {
    appendBlock(this.sheet, lastRow, rows);
  }

  /** Puts a dropdown of the statuses on the status column below the header (invalid values are shown, not refused). */
  setStatusDropdown(column: number, statuses: string[]): void {
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(statuses, true).setAllowInvalid(true).build();
    this.sheet.getRange(2, column, Math.max(this.sheet.getMaxRows() - 1, 1), 1).setDataValidation(rule);
  }
}
