// Reads the lead rows out of the sheet's values: header matching, valid leads, and the rows that are flagged.
import { cellText } from './cell-text';
import { errorValueMessage, isErrorValue } from './error-value';
import { columnKey, unmatchedColumns, unmatchedColumnsMessage, FieldMappingError, type FieldMapping } from './field-mapping';
import { LEAD_COLUMNS, type Lead, type LeadColumn } from './lead';
import { quote } from './quote';
import type { RowProblem } from './row-problem';
import { canonicalStatus, isKnownStatus, type StatusMapping } from './status-mapping';
import { isTrelloId } from './trello-limits';

/** 1-based column index of each lead column. */
export type ColumnIndex = Record<LeadColumn, number>;

/** Where the lead columns are, and the other columns FIELD_MAPPING maps (by column key, lower-case header). */
export type SheetColumns = ColumnIndex & Readonly<Record<string, number>>;

/** The sheet's leads as read in one pass. */
export interface LeadTable {
  columns: SheetColumns;
  /** Rows that can be synced. */
  leads: Lead[];
  /** Rows that cannot, with the reason. */
  problems: RowProblem[];
  /** Every id present in the sheet, valid row or not (a flagged row is not a deleted one). */
  presentIds: Set<string>;
  /** Every card id present in the sheet, valid row or not. */
  presentCardIds: Set<string>;
}

/** Raised when the header row lacks columns the add-on needs. */
export class MissingColumnsError extends Error {
  constructor(
    readonly sheetName: string,
    readonly missing: LeadColumn[],
  ) {
    super(
      `The sheet "${sheetName}" has no column ${missing.map((name) => `"${name}"`).join(', ')}. ` +
        'Add a header cell with that text in row 1 (any order, any case).',
    );
    this.name = 'MissingColumnsError';
  }
}

/** Where each lead column is in the header row (case-insensitive, trimmed); a column the header lacks is left out. */
// Stryker disable next-line ArrayDeclaration: headers are compared lower-cased, so no extra mixed-case key can match one
export function locateColumns(header: readonly unknown[], mapped: readonly string[] = []): Partial<ColumnIndex> & Record<string, number> {
  const positions = header.map((cell) => cellText(cell).toLowerCase());
  const index: Partial<ColumnIndex> & Record<string, number> = {};
  for (const column of [...LEAD_COLUMNS, ...mapped]) {
    const position = positions.indexOf(column);
    if (position >= 0) index[column] = position + 1;
  }
  return index;
}

/** The keys of the columns `fieldMapping` maps beyond the lead columns. */
export function extraColumnKeys(fieldMapping: FieldMapping | undefined): string[] {
  const lead: readonly string[] = LEAD_COLUMNS;
  return (fieldMapping ?? []).map((entry) => columnKey(entry.column)).filter((key) => !lead.includes(key));
}

/**
 * Finds each lead column, and each other column `fieldMapping` maps, in the header row (case-insensitive, trimmed);
 * throws when one is missing.
 */
export function indexColumns(sheetName: string, header: readonly unknown[], fieldMapping?: FieldMapping): SheetColumns {
  const index = locateColumns(header, extraColumnKeys(fieldMapping));
  const missing = LEAD_COLUMNS.filter((column) => index[column] === undefined);
  if (missing.length > 0) throw new MissingColumnsError(sheetName, missing);
  const unmatched = unmatchedColumns(fieldMapping ?? [], header.map((cell) => cellText(cell)));
  if (unmatched.length > 0) throw new FieldMappingError(unmatchedColumnsMessage(sheetName, unmatched));
  return index as SheetColumns;
}

/** True when a cell value is a date (a date shown as text changes whenever the cell's format does). */
function isDate(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]';
}

/** Why an id cannot identify a lead, or undefined when it can. */
function badIdMessage(id: string, isDateCell: boolean): string | undefined {
  if (isDateCell) return `The id ${quote(id)} is a date: its text changes with the cell's format, so the row is not synced. Format the id column as plain text and type the id again.`;
  if (/[\r\n]/.test(id)) return `The id ${quote(id)} holds a line break, so the row is not synced. Put the id on one line.`;
  return undefined;
}

/**
 * Reads rows 2… of `values` (row 1 is the header) into leads and problems. `dateIdRows` are rows whose id cell holds
 * a date although `values` shows it as text (as the Sheets API renders dates).
 */
export function readLeadTable(
  sheetName: string,
  values: readonly (readonly unknown[])[],
  mapping: StatusMapping,
  dateIdRows: ReadonlySet<number> = new Set(),
  fieldMapping?: FieldMapping,
): LeadTable {
  // Stryker disable next-line ArrayDeclaration: a header without any lead column throws the same missing-columns error
  const columns = indexColumns(sheetName, values[0] ?? [], fieldMapping);
  const extra = extraColumnKeys(fieldMapping);
  const candidates: Lead[] = [];
  const problems: RowProblem[] = [];
  const presentIds = new Set<string>();
  const presentCardIds = new Set<string>();
  const rowsById = new Map<string, number[]>();
  const rowsByCard = new Map<string, number[]>();
  const addRow = (index: Map<string, number[]>, key: string, row: number) => {
    const rows = index.get(key);
    if (rows) rows.push(row);
    else index.set(key, [row]);
  };

  for (let offset = 1; offset < values.length; offset++) {
    const cells = values[offset];
    // Each cell's text once: every run reads every row, so per-cell work is the run's CPU time.
    const texts: Record<LeadColumn, string> = {
      id: cellText(cells[columns.id - 1]),
      name: cellText(cells[columns.name - 1]),
      email: cellText(cells[columns.email - 1]),
      status: cellText(cells[columns.status - 1]),
      source: cellText(cells[columns.source - 1]),
      trello_card_id: cellText(cells[columns.trello_card_id - 1]),
    };
    const lead: Lead = {
      id: texts.id,
      name: texts.name,
      email: texts.email,
      status: canonicalStatus(texts.status),
      source: texts.source,
      cardId: texts.trello_card_id,
      row: offset + 1,
    };
    if (extra.length) lead.fields = Object.fromEntries(extra.map((key) => [key, cellText(cells[columns[key] - 1])]));
    // A formula's error value is never data: the row waits, flagged on that cell, and is not taken for a deleted one.
    const failed = LEAD_COLUMNS.find((column) => isErrorValue(texts[column]));
    if (failed) {
      const id = failed === 'id' ? '' : lead.id;
      if (id) presentIds.add(id);
      if (failed !== 'trello_card_id' && lead.cardId) presentCardIds.add(lead.cardId);
      problems.push({ row: lead.row, column: failed, leadId: id, message: errorValueMessage(texts[failed]) });
      continue;
    }
    if (lead.cardId) presentCardIds.add(lead.cardId);
    if (!lead.id) {
      if (lead.name || lead.email || lead.status || lead.source || lead.cardId) {
        problems.push({ row: lead.row, column: 'id', leadId: '', message: 'This row has no id, so it is not synced. Give it a unique id.' });
      }
      continue;
    }
    presentIds.add(lead.id);
    const badId = badIdMessage(lead.id, dateIdRows.has(lead.row) || isDate(cells[columns.id - 1]));
    if (badId) {
      problems.push({ row: lead.row, column: 'id', leadId: lead.id, message: badId });
      continue;
    }
    addRow(rowsById, lead.id, lead.row);
    if (lead.cardId) addRow(rowsByCard, lead.cardId, lead.row);
    candidates.push(lead);
  }

  const leads: Lead[] = [];
  for (const lead of candidates) {
    // Stryker disable next-line ArrayDeclaration: every candidate's id was indexed, so the fallback is never used
    const rows = rowsById.get(lead.id) ?? [];
    // Stryker disable next-line ArrayDeclaration: a candidate's card id was indexed, and one row is never a shared card
    const cardRows = lead.cardId ? (rowsByCard.get(lead.cardId) ?? []) : [];
    if (rows.length > 1) {
      problems.push({
        row: lead.row,
        column: 'id',
        leadId: lead.id,
        message: `The id ${quote(lead.id)} is used by rows ${rows.join(', ')}; none of them is synced until each id is unique.`,
      });
    } else if (cardRows.length > 1) {
      problems.push({
        row: lead.row,
        column: 'trello_card_id',
        leadId: lead.id,
        message: `Rows ${cardRows.join(', ')} are linked to the same card; none of them is synced until each row has its own (clear the cell to make a new card).`,
      });
    } else if (lead.cardId && !isTrelloId(lead.cardId)) {
      problems.push({
        row: lead.row,
        column: 'trello_card_id',
        leadId: lead.id,
        message: `trello_card_id ${quote(lead.cardId)} is not a Trello card id (24 characters, 0-9 and a-f), so the row is not synced. Clear the cell to create a new card.`,
      });
    } else if (lead.status && !isKnownStatus(mapping, lead.status)) {
      problems.push({
        row: lead.row,
        column: 'status',
        leadId: lead.id,
        message: `Unknown status ${quote(lead.status)}; use one of ${mapping.map(([status]) => status).join(', ')}.`,
      });
    } else {
      leads.push(lead);
    }
  }
  return { columns, leads, problems, presentIds, presentCardIds };
}
