// The script's TextFinder (Sheet.createTextFinder, Range.createTextFinder): a search of the cells' shown text, run
// on the spreadsheet as this execution's SpreadsheetApp sees it (its own pending writes included).
import type { ApiContext } from './api-context';
import type { BufferedBook } from './buffered-book';
import { GasError } from './gas-error';
import type { CellBlock } from './range-resolution';
import { checkArgs, signatureError } from './script-args';
import { scriptObject } from './script-object';

/** The search options a TextFinder is configured with (Apps Script's defaults: all off). */
interface SearchOptions {
  matchCase: boolean;
  matchEntireCell: boolean;
  matchFormulaText: boolean;
  ignoreDiacritics: boolean;
  useRegularExpression: boolean;
}

/** A cell position, 1-based. */
interface Cell {
  row: number;
  column: number;
}

/** Message not taken from Apps Script (an empty search is a script bug the add-on never makes). */
const EMPTY_SEARCH = 'The text to find must not be empty.';

function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A test of one cell's text against the search text under `options`. */
function matcher(findText: string, options: SearchOptions): (text: string) => boolean {
  const fold = (text: string) => (options.ignoreDiacritics ? withoutDiacritics(text) : text);
  const source = options.useRegularExpression ? findText : escapeRegExp(fold(findText));
  let pattern: RegExp;
  try {
    pattern = new RegExp(options.matchEntireCell ? `^(?:${source})$` : source, options.matchCase ? 'u' : 'iu');
  } catch {
    // Message not taken from Apps Script: the add-on escapes every text it puts into a pattern.
    throw new GasError(`Invalid regular expression: ${findText}`);
  }
  return (text) => pattern.test(fold(text));
}

/**
 * The TextFinder object over `block` of `book` (a whole sheet's grid for Sheet.createTextFinder). Cells are searched
 * in rows, top to bottom and left to right in each row, by the text they show (a formula's text instead, for cells
 * with a formula, when `matchFormulaText` is on); empty cells never match. Each search (findAll, findNext,
 * findPrevious) is one Spreadsheet call; the cells it returns count as moved.
 */
export function createTextFinderApi(ctx: ApiContext, book: BufferedBook, block: CellBlock, findText: string): object {
  if (findText === '') throw new GasError(EMPTY_SEARCH);
  const options: SearchOptions = { matchCase: false, matchEntireCell: false, matchFormulaText: false, ignoreDiacritics: false, useRegularExpression: false };
  /** The current match, or the cell a search starts after (startFrom); null before the first search. */
  let current: Cell | null = null;
  let currentIsMatch = false;

  /** Every matching cell of the block now, in search order. */
  const matches = (): Cell[] => {
    const sheet = book.sheet(block.sheet);
    const lastRow = Math.min(block.row + block.numRows - 1, sheet.lastRow());
    const lastColumn = Math.min(block.column + block.numColumns - 1, sheet.lastColumn());
    if (lastRow < block.row || lastColumn < block.column) return [];
    const numRows = lastRow - block.row + 1;
    const numColumns = lastColumn - block.column + 1;
    const shown = sheet.readDisplay(block.row, block.column, numRows, numColumns);
    const formulas = options.matchFormulaText ? sheet.read('formulas', block.row, block.column, numRows, numColumns) : undefined;
    const test = matcher(findText, options);
    const found: Cell[] = [];
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) {
        const text = formulas?.[i][j] || shown[i][j];
        if (text !== '' && test(text)) found.push({ row: block.row + i, column: block.column + j });
      }
    }
    return found;
  };
  const rangeOf = (cell: Cell) => {
    ctx.env.moveCells(1);
    return ctx.rangeApi(book, { sheet: block.sheet, row: cell.row, column: cell.column, numRows: 1, numColumns: 1 });
  };
  const before = (a: Cell, b: Cell) => a.row < b.row || (a.row === b.row && a.column < b.column);
  const step = (pick: (found: Cell[]) => Cell | undefined) => {
    const next = pick(matches());
    if (!next) return null;
    current = next;
    currentIsMatch = true;
    return rangeOf(next);
  };
  const option = (method: string, key: keyof SearchOptions) => (...args: unknown[]) => {
    checkArgs(`TextFinder.${method}`, args, ['boolean']);
    options[key] = args[0] as boolean;
    return self;
  };

  const self: object = scriptObject(ctx.env, 'TextFinder', {
    other: {
      matchCase: option('matchCase', 'matchCase'),
      matchEntireCell: option('matchEntireCell', 'matchEntireCell'),
      matchFormulaText: option('matchFormulaText', 'matchFormulaText'),
      ignoreDiacritics: option('ignoreDiacritics', 'ignoreDiacritics'),
      useRegularExpression: option('useRegularExpression', 'useRegularExpression'),
      startFrom: (...args: unknown[]) => {
        const start = ctx.rangeBehind(args[0]);
        if (args.length !== 1 || !start || start.sheet.sheetId !== block.sheet.sheetId) throw signatureError('TextFinder.startFrom', args);
        // The search starts right after the range's bottom-right cell.
        current = { row: start.row + start.numRows - 1, column: start.column + start.numColumns - 1 };
        currentIsMatch = false;
        return self;
      },
      findAll: () => matches().map(rangeOf),
      findNext: () => step((found) => (current === null ? found[0] : found.find((cell) => before(current as Cell, cell)))),
      findPrevious: () => step((found) => (current === null ? undefined : found.filter((cell) => before(cell, current as Cell)).pop())),
      getCurrentMatch: () => (current && currentIsMatch ? rangeOf(current) : null),
    },
  });
  return self;
}
