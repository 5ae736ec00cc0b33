// SheetBaseStore: the per-lead sync base, one row per lead in a hidden tab (scales to 10,000 leads in one read).
import type { BaseRecord } from '../core/base-record';
import { asPlainTextCell, cellText } from '../core/cell-text';
import { groupWrites, type CellChange } from '../core/column-writes';
import { appendBlock, sheetWithHeader, writeValueBlocks } from './sheet-writes';

/** The hidden tab that holds the base. */
export const BASE_SHEET_NAME = 'Trello Sync Base';

const FIELDS = ['leadId', 'cardId', 'status', 'listId', 'name', 'cardFate', 'rowDeleted', 'syncedAt', 'blockedFingerprint', 'blockedError'] as const;

function toRow(record: BaseRecord): unknown[] {
  return FIELDS.map((field) => {
    const value = record[field];
    if (typeof value === 'number') return value;
    return asPlainTextCell(typeof value === 'boolean' ? (value ? 'yes' : '') : value);
  });
}

function fromRow(row: readonly unknown[]): BaseRecord {
  const text = (index: number) => cellText(row[index]);
  return {
    leadId: text(0),
    cardId: text(1),
    status: text(2),
    listId: text(3),
    name: text(4),
    cardFate: text(5) as BaseRecord['cardFate'],
    rowDeleted: text(6) === 'yes',
    syncedAt: Number(row[7]) || 0,
    blockedFingerprint: text(8),
    blockedError: text(9),
  };
}

/** The base as read: records by lead id, and where each sits (to update it in place). */
export interface BaseSnapshot {
  records: Map<string, BaseRecord>;
  rows: Map<string, number>;
  values: unknown[][];
}

/** The base sheet adapter. */
export class SheetBaseStore {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  /** Reads every record (one Sheets call; none when the tab does not exist yet). */
  read(): BaseSnapshot {
    const sheet = this.spreadsheet.getSheetByName(BASE_SHEET_NAME);
    const values = sheet ? sheet.getDataRange().getValues() : [];
    const records = new Map<string, BaseRecord>();
    const rows = new Map<string, number>();
    values.forEach((row, index) => {
      if (index === 0) return;
      const record = fromRow(row);
      if (!record.leadId) return;
      records.set(record.leadId, record);
      rows.set(record.leadId, index + 1);
    });
    return { records, rows, values };
  }

  /** Writes changed and new records in a few blocks. */
  write(snapshot: BaseSnapshot, records: BaseRecord[]): void {
    if (records.length === 0) return;
    const sheet = sheetWithHeader(this.spreadsheet, BASE_SHEET_NAME, [...FIELDS], true);
    const changes: CellChange[] = [];
    const appended = new Map<string, unknown[]>();
    for (const record of records) {
      const row = snapshot.rows.get(record.leadId);
      if (row === undefined) appended.set(record.leadId, toRow(record));
      else toRow(record).forEach((value, index) => changes.push({ row, column: index + 1, value }));
    }
    writeValueBlocks(sheet, groupWrites(changes, (row, column) => snapshot.values[row - 1]?.[column - 1] ?? ''));
    appendBlock(sheet, Math.max(snapshot.values.length, 1), Array.from(appended.values()));
  }
}
