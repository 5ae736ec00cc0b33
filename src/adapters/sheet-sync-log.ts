// SheetSyncLog: the visible "Sync Log" tab (time, direction, lead id, what happened), capped in size.
import { fittedToCell, shortened } from '../core/quote';
import type { LogLine } from '../core/sync-plan';
import type { TabWrite } from './sheets-api';
import { ensureRows, sheetWithHeader } from './sheet-writes';

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
  constructor(
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    /** Formats a time for the log, in the spreadsheet's zone. */
    private readonly formatTime: (at: number) => string,
  ) {}

  /** The block that appends `lines`, after trimming the oldest lines beyond the cap. */
  writes(lines: TimedLogLine[]): TabWrite[] {
    if (lines.length === 0) return [];
    const sheet = sheetWithHeader(this.spreadsheet, SYNC_LOG_SHEET_NAME, ['time', 'direction', 'lead id', 'what happened'], false);
    const kept = lines.slice(-SYNC_LOG_MAX_LINES);
    // Room first: a tab may not lose all its rows below the header, even for a moment.
    ensureRows(sheet, Math.max(sheet.getLastRow(), 1) + kept.length + 1);
    const excess = Math.max(sheet.getLastRow(), 1) - 1 + kept.length - SYNC_LOG_MAX_LINES;
    if (excess > 0) sheet.deleteRows(2, excess);
    const lastRow = Math.max(sheet.getLastRow(), 1);
    return [{ sheetName: SYNC_LOG_SHEET_NAME, row: lastRow + 1, column: 1, values: kept.map((line) => [this.formatTime(line.at), line.direction, shortened(line.leadId), fittedToCell(line.message)]) }];
  }
}
