// What the script-facing objects of one execution share: the environment and the ways to make (and look behind)
// each other's objects.
import type { ServiceEnv } from '../service-env';
import type { DataValidationModel } from './data-validation';
import type { CellBlock } from './range-resolution';
import type { SheetModel } from './sheet-model';
import type { SpreadsheetModel } from './spreadsheet-model';

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
  spreadsheetApi(book: SpreadsheetModel): object;
  sheetApi(book: SpreadsheetModel, sheet: SheetModel): object;
  rangeApi(book: SpreadsheetModel, block: CellBlock): object;
  dataValidationApi(rule: DataValidationModel): object;
  /** The sheet behind a Sheet object the script passes back (deleteSheet), if it is one. */
  sheetBehind(value: unknown): SheetModel | undefined;
  /** The rule behind a DataValidation object the script passes back (setDataValidation), if it is one. */
  ruleBehind(value: unknown): DataValidationModel | undefined;
}
