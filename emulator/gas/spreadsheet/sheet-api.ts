// The script's Sheet object: one tab — its ranges, size, rows and visibility.
import type { ApiContext } from './api-context';
import { GasError, messages } from './gas-error';
import { checkedBlock, resolveRange } from './range-resolution';
import { checkArgs } from './script-args';
import { scriptObject } from './script-object';
import type { ClearParts, SheetModel } from './sheet-model';
import type { SpreadsheetModel } from './spreadsheet-model';

/** The Sheet object for `sheet` of `book`. */
export function createSheetApi(ctx: ApiContext, book: SpreadsheetModel, sheet: SheetModel): object {
  const clear = (what: ClearParts) => {
    sheet.clear(1, 1, sheet.maxRows, sheet.maxColumns, what);
    return self;
  };
  /** A method taking (position[, count]) that checks the position against `limit` and then changes the grid. */
  const rowsOrColumns =
    (method: string, countArg: boolean, limit: () => number, outOfBounds: string, apply: (position: number, count: number) => void, result: () => unknown = () => self) =>
    (...args: unknown[]) => {
      checkArgs(method, args, countArg ? ['number', 'number'] : ['number']);
      const [position, count = 1] = args as number[];
      if (position < 1 || position > limit()) throw new GasError(outOfBounds);
      apply(position, count);
      return result();
    };
  const maxRows = () => sheet.maxRows;
  const maxColumns = () => sheet.maxColumns;
  const insertAfter = (position: number, count: number) => sheet.insertRows(position + 1, count);
  const insertBefore = (position: number, count: number) => sheet.insertRows(position, count);
  const remove = (position: number, count: number) => sheet.deleteRows(position, count);
  const rows = messages.rowsOutOfBounds;

  const self: object = scriptObject(ctx.env, 'Sheet', {
    data: {
      appendRow: (...args: unknown[]) => {
        checkArgs('Sheet.appendRow', args, ['array']);
        sheet.appendRow(args[0] as unknown[]);
        return self;
      },
      clear: () => clear({ contents: true, formats: true }),
      clearContents: () => clear({ contents: true }),
      clearNotes: () => clear({ notes: true }),
    },
    other: {
      getName: () => sheet.name,
      setName: (...args: unknown[]) => {
        checkArgs('Sheet.setName', args, ['string']);
        const name = args[0] as string;
        if (name !== sheet.name) book.checkNewName(name);
        sheet.name = name;
        return self;
      },
      getSheetId: () => sheet.sheetId,
      getIndex: () => book.sheets().indexOf(sheet) + 1,
      getParent: () => ctx.spreadsheetApi(book),
      getRange: (...args: unknown[]) => ctx.rangeApi(book, resolveRange('Sheet.getRange', book, sheet, args)),
      getDataRange: () => ctx.rangeApi(book, checkedBlock(sheet, 1, 1, Math.max(sheet.lastRow(), 1), Math.max(sheet.lastColumn(), 1))),
      getLastRow: () => sheet.lastRow(),
      getLastColumn: () => sheet.lastColumn(),
      getMaxRows: maxRows,
      getMaxColumns: maxColumns,
      insertRowAfter: rowsOrColumns('Sheet.insertRowAfter', false, maxRows, rows, insertAfter),
      insertRowsAfter: rowsOrColumns('Sheet.insertRowsAfter', true, maxRows, rows, insertAfter),
      insertRowBefore: rowsOrColumns('Sheet.insertRowBefore', false, maxRows, rows, insertBefore),
      insertRowsBefore: rowsOrColumns('Sheet.insertRowsBefore', true, maxRows, rows, insertBefore),
      deleteRow: rowsOrColumns('Sheet.deleteRow', false, maxRows, rows, remove),
      deleteRows: rowsOrColumns('Sheet.deleteRows', true, maxRows, rows, remove, () => undefined),
      insertColumnsAfter: rowsOrColumns('Sheet.insertColumnsAfter', true, maxColumns, messages.columnsOutOfBounds, (p, n) =>
        sheet.insertColumns(p + 1, n),
      ),
      hideSheet: () => {
        if (!book.sheets().some((s) => s !== sheet && !s.hidden)) throw new GasError(messages.hideAllSheets);
        sheet.hidden = true;
        return self;
      },
      showSheet: () => {
        sheet.hidden = false;
        return self;
      },
      isSheetHidden: () => sheet.hidden,
      activate: () => {
        book.activate(sheet);
        return self;
      },
      setFrozenRows: (...args: unknown[]) => {
        checkArgs('Sheet.setFrozenRows', args, ['number']);
        const n = args[0] as number;
        if (n < 0) throw new GasError(messages.rowsOutOfBounds);
        if (n >= sheet.maxRows) throw new GasError(messages.freezeAllRows);
        sheet.frozenRows = n;
      },
      getFrozenRows: () => sheet.frozenRows,
    },
  });
  return self;
}
