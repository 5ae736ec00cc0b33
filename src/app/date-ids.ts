// Finds lead ids that are dates: the Sheets API shows them as text that changes with the cell's format.
import type { SheetLeadStore } from '../adapters/sheet-lead-store';
import type { SheetsApi } from '../adapters/sheets-api';
import { mayBeRenderedDate } from '../core/date-text';
import { indexColumns } from '../core/lead-table';

/**
 * The rows (1-based) whose id cell holds a date. Only when an id as read may be a rendered date is the id column read
 * again with dates as serial numbers (one more call); a cell that is text then, and a number now, is a date.
 */
export function dateIdRows(api: SheetsApi, leads: SheetLeadStore, values: readonly (readonly unknown[])[]): Set<number> {
  const rows = new Set<number>();
  const idColumn = indexColumns(leads.name, values[0] ?? []).id;
  const idAt = (index: number) => values[index]?.[idColumn - 1];
  const suspect = (index: number) => {
    const id = idAt(index);
    return index > 0 && typeof id === 'string' && mayBeRenderedDate(id);
  };
  if (!values.some((_, index) => suspect(index))) return rows;
  const serials = api.read([leads.columnRange(idColumn)], 'SERIAL_NUMBER')[0] ?? [];
  values.forEach((_, index) => {
    if (suspect(index) && typeof serials[index]?.[0] === 'number') rows.add(index + 1);
  });
  return rows;
}
