// What the script-facing objects of one execution share: the environment and the ways to make (and look behind)
// each other's objects.
import type { ServiceEnv } from '../service-env';
import type { BufferedBook } from './buffered-book';
import type { DataValidationModel } from './data-validation';
import type { CellBlock } from './range-resolution';
import type { SheetModel } from './sheet-model';

/** A dialog shown by the script (UiRecord has no slot for dialogs, so the service keeps them). */
export interface DialogRecord {
  title: string;
  html: string;
  modal: boolean;
}

/** Shared by the factories of the Spreadsheet, Sheet, Range, Ui and DataValidation objects. */
export interface ApiContext {
  readonly env: ServiceEnv;
  readonly dialogs: DialogRecord[];
  spreadsheetApi(book: BufferedBook): object;
  /** The Sheet object of the sheet with `sheet`'s id (objects follow a sheet by id, whichever copy they were found on). */
  sheetApi(book: BufferedBook, sheet: SheetModel): object;
  rangeApi(book: BufferedBook, block: CellBlock): object;
  textFinderApi(book: BufferedBook, block: CellBlock, findText: string): object;
  dataValidationApi(rule: DataValidationModel): object;
  /** The sheet behind a Sheet object the script passes back (deleteSheet), if it is one (its id is what counts). */
  sheetBehind(value: unknown): SheetModel | undefined;
  /** The block behind a Range object the script passes back (TextFinder.startFrom), if it is one. */
  rangeBehind(value: unknown): CellBlock | undefined;
  /** The rule behind a DataValidation object the script passes back (setDataValidation), if it is one. */
  ruleBehind(value: unknown): DataValidationModel | undefined;
}
