// Reads the date cells of columns mapped to date fields as serial numbers: the Sheets API shows a date as the text its
// format makes of it, which only the cell's serial number pins to one day and time.
import type { SheetLeadStore } from '../adapters/sheet-lead-store';
import type { SheetsApi } from '../adapters/sheets-api';
import { cellText } from '../core/cell-text';
import { mayBeRenderedDate } from '../core/date-text';
import type { BaseRecord } from '../core/base-record';
import { columnKey, shownKey, type FieldMapping } from '../core/field-mapping';

/** Text the add-on writes into date cells itself (no second read is needed for it). */
const WRITTEN_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;

/** The lead tab's values with date cells pinned down, and the text each date cell showed, by lead id and field. */
export interface DatedValues {
  values: readonly (readonly unknown[])[];
  shown: Map<string, Record<string, string>>;
}

/**
 * `values` with the date cells of the columns mapped to the due date or a custom field (which may be a date) given as
 * comparable values: a cell showing the text it showed at the last sync has the base's value; another one that may be
 * a rendered date is read again as a serial number (one more call, only when there is such a cell, of the rows from the
 * first such cell to the last: an edit's rows, not the whole column).
 */
export function withDateSerials(
  api: SheetsApi,
  leads: SheetLeadStore,
  values: readonly (readonly unknown[])[],
  fieldMapping: FieldMapping | undefined,
  base: ReadonlyMap<string, BaseRecord>,
): DatedValues {
  const shown = new Map<string, Record<string, string>>();
  const header = (values[0] ?? []).map((cell) => columnKey(cellText(cell)));
  const idIndex = header.indexOf('id');
  const dated = (fieldMapping ?? [])
    .filter((entry) => entry.kind === 'due' || entry.kind === 'custom')
    .map((entry) => ({ field: entry.field, index: header.indexOf(columnKey(entry.column)) }))
    .filter(({ index }) => index >= 0);
  if (dated.length === 0 || idIndex < 0) return { values, shown };
  const copy = values.map((row) => [...row]);
  const unread = new Set<number>();
  const span = { first: Infinity, last: 0 };
  copy.forEach((row, rowIndex) => {
    const leadId = cellText(row[idIndex]);
    if (rowIndex === 0 || !leadId) return;
    const known = base.get(leadId)?.fields ?? {};
    for (const { field, index } of dated) {
      const text = cellText(row[index]);
      shown.set(leadId, { ...shown.get(leadId), [field]: text });
      if (known[shownKey(field)] === text && known[field] !== undefined) row[index] = known[field];
      else if (mayBeRenderedDate(text) && !WRITTEN_DATE.test(text)) {
        unread.add(index);
        span.first = Math.min(span.first, rowIndex + 1);
        span.last = Math.max(span.last, rowIndex + 1);
      }
    }
  });
  const columns = Array.from(unread);
  if (columns.length === 0) return { values: copy, shown };
  const serials = api.read(columns.map((index) => leads.columnRange(index + 1, span)), 'SERIAL_NUMBER');
  copy.forEach((row, rowIndex) => {
    if (rowIndex + 1 < span.first || rowIndex + 1 > span.last) return;
    columns.forEach((index, position) => {
      const serial = serials[position]?.[rowIndex + 1 - span.first]?.[0];
      if (typeof values[rowIndex][index] === 'string' && typeof serial === 'number') row[index] = serial;
    });
  });
  return { values: copy, shown };
}
