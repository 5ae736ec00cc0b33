// SheetBaseStore: the per-lead sync base, one row per lead in a hidden tab (scales to 10,000 leads in one read).
import type { BaseRecord } from '../core/base-record';
import { cellText } from '../core/cell-text';
import { rowRuns } from '../core/range-runs';
import { a1Range, a1Row, type TabWrite } from './sheets-api';
import { cellsHolding } from './text-search';
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
    return this.parseRows(values[0], values.slice(1).map((cells, index) => ({ row: index + 2, cells })), values.length);
  }

  /**
   * The part of the base in `rows` (each row's number and cells, in order), with the tab's `header` (undefined while the
   * tab does not exist) and its last row.
   */
  parseRows(header: readonly unknown[] | undefined, rows: readonly { row: number; cells: readonly unknown[] }[], lastRow: number): BaseSnapshot {
    const records = new Map<string, BaseRecord>();
    const rowsById = new Map<string, number>();
    for (const { row, cells } of rows) {
      const record = fromRow(cells);
      if (!record.leadId) continue;
      records.set(record.leadId, record);
      rowsById.set(record.leadId, row);
    }
    return {
      records,
      rows: rowsById,
      lastRow: Math.max(lastRow, 1),
      headerComplete: header === undefined || header.length >= FIELDS.length,
      // Unknown without the header: the column is then added (the header rewritten) only for records with mapped values.
      mappedFields: header !== undefined && cellText(header[FIELDS.length]) === MAPPED_FIELDS,
    };
  }

  /** The tab's last row with content; undefined while the tab does not exist (not a data call). */
  lastRow(): number | undefined {
    return this.spreadsheet.getSheetByName(BASE_SHEET_NAME)?.getLastRow();
  }

  /** The rows whose lead id or card id is exactly one of `texts` (one search of those two columns; no data read). */
  rowsHolding(texts: readonly string[]): number[] {
    const sheet = this.spreadsheet.getSheetByName(BASE_SHEET_NAME);
    if (!sheet || texts.length === 0) return [];
    const rows = cellsHolding(sheet.getRange('A:B'), texts).map((cell) => cell.row);
    return Array.from(new Set(rows)).filter((row) => row > 1).sort((a, b) => a - b);
  }

  /** Row `row` of the tab (1: the header), for a batched read. */
  rowRange(row: number): string {
    return a1Row(BASE_SHEET_NAME, row);
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
