// Writes grouped blocks of values or notes into a sheet, growing it when rows are appended past its end.
import type { RangeWrite } from '../core/column-writes';

/** Sets each block of values (one setValues call per block). */
export function writeValueBlocks(sheet: GoogleAppsScript.Spreadsheet.Sheet, writes: RangeWrite[]): void {
  for (const write of writes) {
    sheet.getRange(write.row, write.column, write.values.length, write.values[0].length).setValues(write.values);
  }
}

/** Sets each block of notes (one setNotes call per block). */
export function writeNoteBlocks(sheet: GoogleAppsScript.Spreadsheet.Sheet, writes: RangeWrite[]): void {
  for (const write of writes) {
    sheet.getRange(write.row, write.column, write.values.length, write.values[0].length).setNotes(write.values as string[][]);
  }
}

/** Writes `rows` below row `afterRow` in one call, inserting rows first when the sheet is too short. */
export function appendBlock(sheet: GoogleAppsScript.Spreadsheet.Sheet, afterRow: number, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const missing = afterRow + rows.length - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(afterRow + 1, 1, rows.length, rows[0].length).setValues(rows);
}

/** The sheet with that name, created (and hidden when asked) with a header row when it does not exist yet. */
export function sheetWithHeader(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, header: string[], hidden: boolean): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(name);
  if (existing) return existing;
  // insertSheet brings the new tab to the front; the person keeps looking at the tab they were on.
  const inFront = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
  sheet.getRange(1, 1, 1, header.length).setValues([header]);
  sheet.setFrozenRows(1);
  if (hidden) sheet.hideSheet();
  inFront?.activate();
  return sheet;
}
