// Finding cells by their text on the server (TextFinder): the positions come back, never the cells' data.

/** A cell's position, 1-based. */
export interface CellPosition {
  row: number;
  column: number;
}

/** Something a TextFinder can search: a sheet or a range of it. */
interface Searchable {
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The position of a one-cell A1 reference such as `AB12` (one call for the whole reference, not one per part). */
function positionOf(a1: string): CellPosition {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1) ?? ['', 'A', '0'];
  const column = Array.from(letters).reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(digits), column };
}

/**
 * The cells of `scope` whose text is one of `texts` (spaces around it aside, as the add-on reads cells; in any case, so
 * callers compare the texts they read), in rows from the top: one search. Cells are matched by the text they show, so a
 * cell shown differently from its value (a number format) may be missed — callers check that the cells they know of
 * were found.
 */
export function cellsHolding(scope: Searchable, texts: readonly string[]): CellPosition[] {
  if (texts.length === 0) return [];
  const pattern = `^\\s*(?:${texts.map(escapeRegExp).join('|')})\\s*$`;
  return scope
    .createTextFinder(pattern)
    .useRegularExpression(true)
    .findAll()
    .map((range) => positionOf(range.getA1Notation()));
}
