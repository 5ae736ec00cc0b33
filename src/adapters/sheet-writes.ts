// Tab housekeeping around value writes: room for appended rows, and the add-on's own tabs created on first use.

/** Inserts rows at the end of the tab when `lastRow` is past it (the Sheets API does not grow a tab by itself). */
export function ensureRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number): void {
  const missing = lastRow - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
}

/** The tab with that name, created at the end (and hidden when asked) with a header row when it does not exist yet. */
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
