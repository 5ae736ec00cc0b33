// SheetBaseStore: the per-lead sync base, one row per lead in a hidden tab (scales to 10,000 leads in one read).
import type { BaseRecord } from '../core/base-record';
import { cellText } from '../core/cell-text';
import { rowRuns } from '../core/range-runs';
import { a1Range, type TabWrite } from './sheets-api';
import { ensureRows, sheetWithHeader } from './sheet-writes';

/** The hidden tab that holds the base. */
export const BASE_SHEET_NAME = 'Trello Sync Base';

const FIELDS = ['leadId', 'cardId', 'status', 'listId', 'name', 'cardFate', 'rowDeleted', 'syncedAt', 'blockedFingerprint', 'blockedError', 'archivePending'] as const;
/**
 * The column of mapped field values (JSON, by field key). It is added only once a record has such values, so the
 * tab of a sheet without FIELD_MAPPING keeps the columns above.
 */
const MAPPED_FIELDS = 'fields';

function toRow(record: BaseRecord, withMappedFields: boolean): unknown[] {
  const values: unknown[] = FIELDS.map((field) => {
    const value = record[field];
    return typeof value === 'boolean' ? (value ? 'yes' : '') : value;
  });
  return withMappedFields ? [...values, record.fields ? JSON.stringify(record.fields) : ''] : values;
}

/** The mapped field values of a base row's cell, or none (no cell, or one that cannot be read: the values count as unknown). */
function mappedFieldsOf(cell: unknown): Pick<BaseRecord, 'fields'> {
  const text = cellText(cell);
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return { fields: Object.fromEntries(Object.entries(parsed).filter((pair): pair is [string, string] => typeof pair[1] === 'string')) };
  } catch {
    return {};
  }
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
    ...mappedFieldsOf(row[FIELDS.length]),
  };
}

/** The base as read: records by lead id, where each sits (to update it in place), and how many rows there are. */
export interface BaseSnapshot {
  records: Map<string, BaseRecord>;
  rows: Map<string, number>;
  lastRow: number;
  /** False when the tab's header lacks fields added since it was made (it is completed with the next write). */
  headerComplete: boolean;
  /** True when the tab has the column of mapped field values. */
  mappedFields: boolean;
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
    const header = values[0] ?? [];
    return { records, rows, lastRow: Math.max(values.length, 1), headerComplete: values.length === 0 || header.length >= FIELDS.length, mappedFields: cellText(header[FIELDS.length]) === MAPPED_FIELDS };
  }

  /** Blocks that rewrite the rows of changed records in place and append new ones (creating the tab on first use). */
  writes(snapshot: BaseSnapshot, records: BaseRecord[]): TabWrite[] {
    if (records.length === 0) return [];
    const withMappedFields = snapshot.mappedFields || records.some((record) => record.fields);
    const header = withMappedFields ? [...FIELDS, MAPPED_FIELDS] : [...FIELDS];
    const sheet = sheetWithHeader(this.spreadsheet, BASE_SHEET_NAME, header, true);
    const rows: { row: number; values: unknown[] }[] = [];
    let next = snapshot.lastRow;
    for (const record of new Map(records.map((item) => [item.leadId, item])).values()) {
      rows.push({ row: snapshot.rows.get(record.leadId) ?? ++next, values: toRow(record, withMappedFields) });
    }
    ensureRows(sheet, next);
    if (!snapshot.headerComplete || withMappedFields !== snapshot.mappedFields) rows.push({ row: 1, values: header });
    return rowRuns(rows).map((run) => ({ sheetName: BASE_SHEET_NAME, ...run }));
  }
}
