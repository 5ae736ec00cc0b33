// The script's Spreadsheet object: the file — its sheets, time zone, and toasts.
import type { ApiContext } from './api-context';
import { blockOfA1 } from './range-resolution';
import { checkArgs, signatureError } from './script-args';
import { scriptObject } from './script-object';
import type { SpreadsheetModel } from './spreadsheet-model';

/** The Spreadsheet object for `book`. */
export function createSpreadsheetApi(ctx: ApiContext, book: SpreadsheetModel): object {
  const sheetOrNull = (sheet: ReturnType<SpreadsheetModel['sheet']>) => (sheet ? ctx.sheetApi(book, sheet) : null);
  const freeName = (): string => {
    let n = book.sheets().length + 1;
    while (book.sheet(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  };

  return scriptObject(ctx.env, 'Spreadsheet', {
    other: {
      getId: () => book.id,
      getName: () => book.name,
      getUrl: () => `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
      getSpreadsheetTimeZone: () => book.timeZone,
      getSheets: () => book.sheets().map((s) => ctx.sheetApi(book, s)),
      getNumSheets: () => book.sheets().length,
      getSheetByName: (...args: unknown[]) => {
        checkArgs('Spreadsheet.getSheetByName', args, ['string']);
        return sheetOrNull(book.sheet(args[0] as string));
      },
      getSheetById: (...args: unknown[]) => {
        checkArgs('Spreadsheet.getSheetById', args, ['number']);
        return sheetOrNull(book.sheets().find((s) => s.sheetId === args[0]));
      },
      getActiveSheet: () => sheetOrNull(book.activeSheet()),
      getRange: (...args: unknown[]) => {
        checkArgs('Spreadsheet.getRange', args, ['string']);
        return ctx.rangeApi(book, blockOfA1(book, book.activeSheet(), args[0] as string));
      },
      insertSheet: (...args: unknown[]) => {
        // insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index); the index is 0-based.
        const named = typeof args[0] === 'string';
        checkArgs('Spreadsheet.insertSheet', args, [], named ? ['string', 'number'] : ['number']);
        const name = named ? (args[0] as string) : freeName();
        const index = (named ? args[1] : args[0]) as number | undefined;
        const sheet = book.addSheet(name, [], index);
        book.activate(sheet);
        return ctx.sheetApi(book, sheet);
      },
      deleteSheet: (...args: unknown[]) => {
        const sheet = ctx.sheetBehind(args[0]);
        if (args.length !== 1 || !sheet || !book.sheets().includes(sheet)) throw signatureError('Spreadsheet.deleteSheet', args);
        book.removeSheet(sheet);
      },
      toast: (...args: unknown[]) => {
        checkArgs('Spreadsheet.toast', args, ['any'], ['any', 'number']);
        ctx.env.ui.toasts.push({ message: String(args[0]), title: args[1] === undefined ? '' : String(args[1]) });
      },
    },
  });
}
