// SheetBaseStore: the per-lead sync base, one row per lead in a hidden tab (scales to 10,000 leads in one read).
import type { BaseRecord } from '../core/base-record';
import { cellText } from '../core/cell-text';
import { rowRuns } from '../core/range-runs';
import { a1Range, type TabWrite } from './sheets-api';
import { ensureRows, sheetWithHeader } from './sheet-writes';

/** The hidden tab that holds the base. */
export const BASE_SHEET_NAME = 'Trello Sync Base';

const FIELDS = ['leadId', 'cardId', 'status', 'listId', 'name', 'cardFate', 'rowDeleted', 'syncedAt', 'blockedFingerprint', 'blockedError', 'archivePending'] as const;

function toRow(record: BaseRecord): unknown[] {
  return FIELDS.map((field) => {
    const value = record[field];
    return typeof value === 'boolean' ? (value ? 'yes' : '') : value;
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
    archivePending: text(10) === 'yes',
  };
}

/** The base as read: records by lead id, where each sits (to update it in place), and how many rows there are. */
export interface BaseSnapshot {
  records: Map<string, BaseRecord>;
  rows: Map<string, number>;
  lastRow: number;
  /** False when the tab's header lacks fields added since it was made (it is completed with the next write). */
  headerComplete: boolean;
}

/** The base tab adapter. */
export class SheetBaseStore {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  /** The whole tab, for a batched read; undefined while the tab does not exist (the base is empty). */
  range(): string | undefined {
    return this.spreadsheet.getSheetByName(BASE_SHEET_NAME) ? a1Range(BASE_SHEET_NAME) : undefined;
  }

  /** The base from the tab's values (header first). */
  parse(values: readonly (readonly unknown[])[]): BaseSnapshot {
    const records = new Map<string, BaseRecord>();
    const rows = new Map<string, number>();
    values.forEach((row, index) => {
      if (index === 0) return;
      const record = fromRow(row);
      if (!record.leadId) return;
      records.set(record.leadId, record);
      rows.set(record.leadId, index + 1);
    });
    return { records, rows, lastRow: Math.max(values.length, 1), headerComplete: values.length === 0 || (values[0]?.length ?? 0) >= FIELDS.length };
  }

  /** Blocks that rewrite the rows of changed records in place and append new ones (creating the tab on first use). */
  writes(snapshot: BaseSnapshot, records: BaseRecord[]): TabWrite[] {
    if (records.length === 0) return [];
    const sheet = sheetWithHeader(this.spreadsheet, BASE_SHEET_NAME, [...FIELDS], true);
    const rows: { row: number; values: unknown[] }[] = [];
    let next = snapshot.lastRow;
    for (const record of new Map(records.map((item) => [item.leadId, item])).values()) {
      rows.push({ row: snapshot.rows.get(record.leadId) ?? ++next, values: toRow(record) });
    }
    ensureRows(sheet, next);
    if (!snapshot.headerComplete) rows.push({ row: 1, values: [...FIELDS] });
    return rowRuns(rows).map((run) => ({ sheetName: BASE_SHEET_NAME, ...run }));
  }
}
