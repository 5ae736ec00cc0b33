// The script's Sheet object: one tab — its ranges, size, rows and visibility.
import type { ApiContext } from './api-context';
import type { BufferedBook } from './buffered-book';
import { GasError, messages } from './gas-error';
import { checkedBlock, resolveRange } from './range-resolution';
import { checkArgs } from './script-args';
import { scriptObject } from './script-object';
import type { ClearParts, SheetModel } from './sheet-model';
import type { SpreadsheetModel } from './spreadsheet-model';

/** The Sheet object for the sheet with `found`'s id in `book`. */
export function createSheetApi(ctx: ApiContext, book: BufferedBook, found: SheetModel): object {
  const current = () => book.sheet(found);
  const change = (write: (sheet: SheetModel, spreadsheet: SpreadsheetModel) => void) => {
    book.writeSheet(found, write);
    return self;
  };
  // Clearing a tab moves every cell of its grid.
  const clear = (what: ClearParts) => {
    const grid = current();
    change((sheet) => sheet.clear(1, 1, sheet.maxRows, sheet.maxColumns, what));
    ctx.env.moveCells(grid.maxRows * grid.maxColumns);
    return self;
  };
  /** A method taking (position[, count]) that checks the position against `limit` and then changes the grid. */
  const rowsOrColumns =
    (method: string, countArg: boolean, limit: (sheet: SheetModel) => number, outOfBounds: string, apply: (sheet: SheetModel, position: number, count: number) => void, result: () => unknown = () => self) =>
    (...args: unknown[]) => {
      checkArgs(method, args, countArg ? ['number', 'number'] : ['number']);
      const [position, count = 1] = args as number[];
      change((sheet) => {
        if (position < 1 || position > limit(sheet)) throw new GasError(outOfBounds);
        apply(sheet, position, count);
      });
      return result();
    };
  const maxRows = (sheet: SheetModel) => sheet.maxRows;
  const maxColumns = (sheet: SheetModel) => sheet.maxColumns;
  const insertAfter = (sheet: SheetModel, position: number, count: number) => sheet.insertRows(position + 1, count);
  const insertBefore = (sheet: SheetModel, position: number, count: number) => sheet.insertRows(position, count);
  const remove = (sheet: SheetModel, position: number, count: number) => sheet.deleteRows(position, count);
  const rows = messages.rowsOutOfBounds;

  const self: object = scriptObject(ctx.env, 'Sheet', {
    data: {
      appendRow: (...args: unknown[]) => {
        checkArgs('Sheet.appendRow', args, ['array']);
        const values = [...(args[0] as unknown[])];
        change((sheet) => sheet.appendRow(values));
        ctx.env.moveCells(values.length);
        return self;
      },
      clear: () => clear({ contents: true, formats: true }),
      clearContents: () => clear({ contents: true }),
      clearNotes: () => clear({ notes: true }),
    },
    other: {
      getName: () => current().name,
      setName: (...args: unknown[]) => {
        checkArgs('Sheet.setName', args, ['string']);
        const name = args[0] as string;
        return change((sheet, spreadsheet) => {
          spreadsheet.checkNewName(name, sheet);
          sheet.name = name;
        });
      },
      getSheetId: () => found.sheetId,
      getIndex: () => book.read().sheets().indexOf(current()) + 1,
      getParent: () => ctx.spreadsheetApi(book),
      getRange: (...args: unknown[]) => ctx.rangeApi(book, resolveRange('Sheet.getRange', book.read(), current(), args)),
      getDataRange: () => {
        const sheet = current();
        return ctx.rangeApi(book, checkedBlock(sheet, 1, 1, Math.max(sheet.lastRow(), 1), Math.max(sheet.lastColumn(), 1)));
      },
      createTextFinder: (...args: unknown[]) => {
        checkArgs('Sheet.createTextFinder', args, ['string']);
        const sheet = current();
        return ctx.textFinderApi(book, { sheet, row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns }, args[0] as string);
      },
      getLastRow: () => current().lastRow(),
      getLastColumn: () => current().lastColumn(),
      getMaxRows: () => current().maxRows,
      getMaxColumns: () => current().maxColumns,
      insertRowAfter: rowsOrColumns('Sheet.insertRowAfter', false, maxRows, rows, insertAfter),
      insertRowsAfter: rowsOrColumns('Sheet.insertRowsAfter', true, maxRows, rows, insertAfter),
      insertRowBefore: rowsOrColumns('Sheet.insertRowBefore', false, maxRows, rows, insertBefore),
      insertRowsBefore: rowsOrColumns('Sheet.insertRowsBefore', true, maxRows, rows, insertBefore),
      deleteRow: rowsOrColumns('Sheet.deleteRow', false, maxRows, rows, remove),
      deleteRows: rowsOrColumns('Sheet.deleteRows', true, maxRows, rows, remove, () => undefined),
      insertColumnsAfter: rowsOrColumns('Sheet.insertColumnsAfter', true, maxColumns, messages.columnsOutOfBounds, (sheet, p, n) => sheet.insertColumns(p + 1, n)),
      hideSheet: () =>
        change((sheet, spreadsheet) => {
          if (!spreadsheet.sheets().some((s) => s !== sheet && !s.hidden)) throw new GasError(messages.hideAllSheets);
          sheet.hidden = true;
        }),
      showSheet: () =>
        change((sheet) => {
          sheet.hidden = false;
        }),
      isSheetHidden: () => current().hidden,
      activate: () => change((sheet, spreadsheet) => spreadsheet.activate(sheet)),
      setFrozenRows: (...args: unknown[]) => {
        checkArgs('Sheet.setFrozenRows', args, ['number']);
        const n = args[0] as number;
        change((sheet) => {
          if (n < 0) throw new GasError(messages.rowsOutOfBounds);
          if (n >= sheet.maxRows) throw new GasError(messages.freezeAllRows);
          sheet.frozenRows = n;
        });
      },
      getFrozenRows: () => current().frozenRows,
    },
  });
  return self;
}
