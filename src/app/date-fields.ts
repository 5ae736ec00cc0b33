// Reads the date cells of columns mapped to date fields as serial numbers: the Sheets API shows a date as the text its
// format makes of it, which only the cell's serial number pins to one day and time.
import type { SheetLeadStore } from '../adapters/sheet-lead-store';
import type { SheetsApi } from '../adapters/sheets-api';
import { cellText } from '../core/cell-text';
import { mayBeRenderedDate } from '../core/date-text';
import { columnKey, type FieldMapping } from '../core/field-mapping';

/** Text the add-on writes into date cells itself (no second read is needed for it). */
const WRITTEN_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;

/**
 * `values` with the date cells of the columns mapped to the due date or a custom field (which may be a date) given as
 * serial numbers. Only when such a column shows text that may be a rendered date is it read again (one more call).
 */
export function withDateSerials(api: SheetsApi, leads: SheetLeadStore, values: readonly (readonly unknown[])[], fieldMapping: FieldMapping | undefined): readonly (readonly unknown[])[] {
  const header = (values[0] ?? []).map((cell) => columnKey(cellText(cell)));
  const dated = (fieldMapping ?? []).filter((entry) => entry.kind === 'due' || entry.kind === 'custom').map((entry) => header.indexOf(columnKey(entry.column)));
  const suspect = (index: number) =>
    values.some((row, rowIndex) => {
      const cell = row[index];
      return rowIndex > 0 && typeof cell === 'string' && mayBeRenderedDate(cell) && !WRITTEN_DATE.test(cell.trim());
    });
  const columns = dated.filter((index) => index >= 0 && suspect(index));
  if (columns.length === 0) return values;
  const serials = api.read(columns.map((index) => leads.columnRange(index + 1)), 'SERIAL_NUMBER');
  return values.map((row, rowIndex) => {
    if (rowIndex === 0) return row;
    const copy = [...row];
    columns.forEach((index, position) => {
      const serial = serials[position]?.[rowIndex]?.[0];
      if (typeof copy[index] === 'string' && typeof serial === 'number') copy[index] = serial;
    });
    return copy;
  });
}
