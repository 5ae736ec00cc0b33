// The emulated SpreadsheetApp service: the data models tests and the runtime use directly, and the service factory.
export type { CellValue } from './cell-value';
export type { DataValidationModel } from './data-validation';
export type { DialogRecord } from './api-context';
export { GasError } from './gas-error';
export { SheetModel } from './sheet-model';
export { SpreadsheetModel } from './spreadsheet-model';
export { createSpreadsheetService, type SpreadsheetServiceHandle } from './spreadsheet-service';
export type { Books } from './spreadsheet-app-api';
