// SheetSyncLog: the visible "Sync Log" tab (time, direction, lead id, what happened), capped in size.
import { asPlainTextCell } from '../core/cell-text';
import type { LogLine } from '../core/sync-plan';
import { appendBlock, sheetWithHeader } from './sheet-writes';

/** The tab's name. */
export const SYNC_LOG_SHEET_NAME = 'Sync Log';

/** Oldest lines are removed beyond this many. */
export const SYNC_LOG_MAX_LINES = 2000;

/** A log line with its time. */
export interface TimedLogLine extends LogLine {
  at: number;
}

/** The Sync Log adapter. */
export class SheetSyncLog {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  /** Appends lines in one call and trims the oldest beyond the cap. */
  append(lines: TimedLogLine[]): void {
    if (lines.length === 0) return;
    const sheet = sheetWithHeader(this.spreadsheet, SYNC_LOG_SHEET_NAME, ['time', 'direction', 'lead id', 'what happened'], false);
    const lastRow = Math.max(sheet.getLastRow(), 1);
    appendBlock(
      sheet,
      lastRow,
      lines.map((line) => [new Date(line.at), line.direction, asPlainTextCell(line.leadId), asPlainTextCell(line.message)]),
    );
    const excess = lastRow - 1 + lines.length - SYNC_LOG_MAX_LINES;
    if (excess > 0) sheet.deleteRows(2, excess);
  }
}
