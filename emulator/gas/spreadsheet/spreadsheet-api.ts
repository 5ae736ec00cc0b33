// The script's Spreadsheet object: the file — its sheets, time zone, and toasts.
import type { ApiContext } from './api-context';
import type { BufferedBook } from './buffered-book';
import { blockOfA1 } from './range-resolution';
import { checkArgs, signatureError } from './script-args';
import { scriptObject } from './script-object';
import { NEW_SHEET_SIZE, type SheetModel } from './sheet-model';

/** The Spreadsheet object for `book`. */
export function createSpreadsheetApi(ctx: ApiContext, book: BufferedBook): object {
  const sheetOrNull = (sheet: SheetModel | undefined) => (sheet ? ctx.sheetApi(book, sheet) : null);
  const freeName = (): string => {
    const view = book.read();
    let n = view.sheets().length + 1;
    while (view.sheet(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  };

  return scriptObject(ctx.env, 'Spreadsheet', {
    other: {
      getId: () => book.id,
      getName: () => book.read().name,
      getUrl: () => `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
      getSpreadsheetTimeZone: () => book.read().timeZone,
      getSheets: () => book.read().sheets().map((s) => ctx.sheetApi(book, s)),
      getNumSheets: () => book.read().sheets().length,
      getSheetByName: (...args: unknown[]) => {
        checkArgs('Spreadsheet.getSheetByName', args, ['string']);
        return sheetOrNull(book.read().sheet(args[0] as string));
      },
      getSheetById: (...args: unknown[]) => {
        checkArgs('Spreadsheet.getSheetById', args, ['number']);
        return sheetOrNull(book.read().sheetById(args[0] as number));
      },
      getActiveSheet: () => sheetOrNull(book.read().activeSheet()),
      getRange: (...args: unknown[]) => {
        checkArgs('Spreadsheet.getRange', args, ['string']);
        const view = book.read();
        return ctx.rangeApi(book, blockOfA1(view, view.activeSheet(), args[0] as string));
      },
      insertSheet: (...args: unknown[]) => {
        // insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index); the index is 0-based.
        const named = typeof args[0] === 'string';
        checkArgs('Spreadsheet.insertSheet', args, [], named ? ['string', 'number'] : ['number']);
        const name = named ? (args[0] as string) : freeName();
        const index = (named ? args[1] : args[0]) as number | undefined;
        // A new sheet exists at once for everyone (the Sheets API sees it before any flush); the pending
        // writes count against the name and the cell limit too.
        book.read().checkNewName(name);
        book.read().checkRoomFor(NEW_SHEET_SIZE.rows * NEW_SHEET_SIZE.columns);
        const sheet = book.now((committed) => {
          const added = committed.addSheet(name, [], index);
          committed.activate(added);
          return added;
        });
        return ctx.sheetApi(book, sheet);
      },
      deleteSheet: (...args: unknown[]) => {
        const sheet = ctx.sheetBehind(args[0]);
        if (args.length !== 1 || !sheet || !book.read().sheetById(sheet.sheetId)) throw signatureError('Spreadsheet.deleteSheet', args);
        book.writeSheet(sheet, (gone, spreadsheet) => spreadsheet.removeSheet(gone));
      },
      toast: (...args: unknown[]) => {
        checkArgs('Spreadsheet.toast', args, ['any'], ['any', 'number']);
        ctx.env.ui.toasts.push({ message: String(args[0]), title: args[1] === undefined ? '' : String(args[1]) });
      },
    },
  });
}
