// The script's global SpreadsheetApp object: the way in to spreadsheets, the Ui and validation builders.
import type { ApiContext } from './api-context';
import type { BufferedBook } from './buffered-book';
import { createDataValidationBuilderApi, DATA_VALIDATION_CRITERIA } from './data-validation-api';
import { GasError, messages } from './gas-error';
import { checkArgs } from './script-args';
import { scriptObject } from './script-object';
import type { SpreadsheetModel } from './spreadsheet-model';
import { createUiApi } from './ui-api';

/** The spreadsheets an execution can reach: the one it is bound to (if any) and every one openById may open. */
export interface Books<Book = SpreadsheetModel> {
  active: Book | null;
  all: Book[];
}

/** The SpreadsheetApp object of one execution; `flush` applies its pending writes. */
export function createSpreadsheetAppApi(ctx: ApiContext, books: Books<BufferedBook>, flush: () => void): object {
  const active = () => (books.active ? ctx.spreadsheetApi(books.active) : null);
  // One Ui per execution, so a menu made from one getUi() can be a submenu of a menu made from another.
  let ui: object | undefined;
  return scriptObject(ctx.env, 'SpreadsheetApp', {
    constants: { DataValidationCriteria: DATA_VALIDATION_CRITERIA },
    other: {
      getActiveSpreadsheet: active,
      getActive: active,
      getActiveSheet: () => {
        const sheet = books.active?.read().activeSheet();
        return books.active && sheet ? ctx.sheetApi(books.active, sheet) : null;
      },
      openById: (...args: unknown[]) => {
        checkArgs('SpreadsheetApp.openById', args, ['string']);
        const book = [books.active, ...books.all].find((b) => b?.id === args[0]);
        if (!book) throw new GasError(messages.openById);
        return ctx.spreadsheetApi(book);
      },
      getUi: () => {
        if (!ctx.env.context.hasUi) throw new GasError(messages.noUi);
        return (ui ??= createUiApi(ctx));
      },
      newDataValidation: () => createDataValidationBuilderApi(ctx),
      flush: () => {
        flush();
      },
    },
  });
}
