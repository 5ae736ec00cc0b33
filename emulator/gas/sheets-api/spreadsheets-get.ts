// spreadsheets.get, as far as the emulator models it: the spreadsheet's properties and each sheet's properties
// (id, title, position, visibility and grid size), optionally only the sheets that `ranges` name.
import type { SpreadsheetModel } from '../spreadsheet/spreadsheet-model';
import { badRequest } from './api-error';
import { resolveApiRange } from './api-range';
import type { ApiRequest } from './request-fields';

/** A sheet's properties as the API gives them; `hidden` and `frozenRowCount` appear only when set. */
export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: 'GRID';
  gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number };
  hidden?: true;
}

/** The answer of spreadsheets.get. */
export interface SpreadsheetResource {
  spreadsheetId: string;
  properties: { title: string; timeZone: string };
  sheets: { properties: SheetProperties }[];
  spreadsheetUrl: string;
}

/**
 * The spreadsheet resource of `book`. `ranges` keeps the sheets they name (in tab order); `fields` is accepted and
 * the whole modelled resource returned; `includeGridData` is refused, as the emulator does not model grid data.
 */
export function spreadsheetsGet(book: SpreadsheetModel, request: ApiRequest): SpreadsheetResource {
  if (request.includeGridData === true) throw badRequest('includeGridData is not supported by the emulator.');
  const named = request.ranges === undefined ? null : new Set(([] as unknown[]).concat(request.ranges).map((text) => resolveApiRange(book, String(text)).sheet));
  const sheets = book.sheets().flatMap((sheet, index) => {
    if (named && !named.has(sheet)) return [];
    const gridProperties: SheetProperties['gridProperties'] = { rowCount: sheet.maxRows, columnCount: sheet.maxColumns };
    if (sheet.frozenRows > 0) gridProperties.frozenRowCount = sheet.frozenRows;
    const properties: SheetProperties = { sheetId: sheet.sheetId, title: sheet.name, index, sheetType: 'GRID', gridProperties };
    if (sheet.hidden) properties.hidden = true;
    return [{ properties }];
  });
  return {
    spreadsheetId: book.id,
    properties: { title: book.name, timeZone: book.timeZone },
    sheets,
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
  };
}
