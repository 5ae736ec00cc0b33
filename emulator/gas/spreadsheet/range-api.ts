// The script's Range object: reading and writing a block of cells of one sheet.
import { formatA1 } from './a1-notation';
import type { ApiContext } from './api-context';
import type { BufferedBook } from './buffered-book';
import { isDate } from './cell-value';
import { GasError, messages } from './gas-error';
import type { CellBlock } from './range-resolution';
import { checkArgs, signatureError } from './script-args';
import { movingCells, scriptObject } from './script-object';
import type { ClearParts, SheetModel } from './sheet-model';

/** Throws unless `data` is a grid of exactly the block's size (the setValues/setNotes/… check). */
function checkGrid(method: string, data: unknown, block: CellBlock): asserts data is unknown[][] {
  if (!Array.isArray(data) || !data.every(Array.isArray)) throw signatureError(method, [data]);
  if (data.length !== block.numRows) throw new GasError(messages.rowsMismatch(data.length, block.numRows));
  for (const line of data as unknown[][]) {
    if (line.length !== block.numColumns) throw new GasError(messages.columnsMismatch(line.length, block.numColumns));
  }
}

/** A copy of the script's grid, so that the script changing its arrays (or Dates) later changes no pending write. */
function copyGrid(grid: unknown[][]): unknown[][] {
  return grid.map((line) => line.map((value) => (isDate(value) ? new Date(value.getTime()) : value)));
}

/** The Range object for `block` of `book`. */
export function createRangeApi(ctx: ApiContext, book: BufferedBook, block: CellBlock): object {
  const { row, column, numRows, numColumns } = block;
  // Rows may have been deleted since the range was taken.
  const inside = (sheet: SheetModel): SheetModel => {
    sheet.checkInside(row, column, numRows, numColumns);
    return sheet;
  };
  const current = (): SheetModel => inside(book.sheet(block.sheet));
  const change = (write: (sheet: SheetModel) => void): void => book.writeSheet(block.sheet, (sheet) => write(inside(sheet)));
  // Every row is the same line: the grid is only read (a dropdown on a whole column builds one per call).
  const filled = <T>(value: T): T[][] => new Array<T[]>(numRows).fill(new Array<T>(numColumns).fill(value));
  const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
  const readValues = (rows = numRows, columns = numColumns) => current().readValues(row, column, rows, columns, (ms) => ctx.env.newDate(ms));
  const readDisplay = (rows = numRows, columns = numColumns) => current().readDisplay(row, column, rows, columns);
  const readPart = (key: 'formulas' | 'notes' | 'formats', rows = numRows, columns = numColumns) => current().read(key, row, column, rows, columns);
  const clear = (what: ClearParts) => {
    change((sheet) => sheet.clear(row, column, numRows, numColumns, what));
    return self;
  };
  const gridSetter = (method: string, write: (grid: unknown[][]) => void) => (...args: unknown[]) => {
    checkArgs(method, args, ['array']);
    checkGrid(method, args[0], block);
    write(copyGrid(args[0]));
    return self;
  };
  const fillSetter = (method: string, kind: 'string' | 'any', write: (grid: unknown[][]) => void) => (...args: unknown[]) => {
    checkArgs(method, args, [kind]);
    write(copyGrid(filled(args[0])));
    return self;
  };
  const writeNotes = (grid: unknown[][]) => change((sheet) => sheet.writePart('notes', row, column, grid.map((l) => l.map(text))));
  const writeFormats = (grid: unknown[][]) => change((sheet) => sheet.writePart('formats', row, column, grid.map((l) => l.map(text))));
  const writeFormulas = (grid: unknown[][]) => change((sheet) => sheet.writeFormulas(row, column, grid.map((l) => l.map(text))));
  const writeValues = (grid: unknown[][]) => change((sheet) => sheet.writeContents(row, column, grid));
  const recordOnly = (method: string) => (...args: unknown[]) => {
    checkArgs(method, args, ['any']);
    return self;
  };

  const self: object = scriptObject(ctx.env, 'Range', {
    data: {
      ...movingCells(ctx.env, 1, {
        getValue: () => readValues(1, 1)[0][0],
        getDisplayValue: () => readDisplay(1, 1)[0][0],
        getFormula: () => readPart('formulas', 1, 1)[0][0],
        getNote: () => readPart('notes', 1, 1)[0][0],
      }),
      ...movingCells(ctx.env, numRows * numColumns, {
        getValues: () => readValues(),
        getDisplayValues: () => readDisplay(),
        getFormulas: () => readPart('formulas'),
        getNotes: () => readPart('notes'),
        setValues: gridSetter('Range.setValues', writeValues),
        setValue: fillSetter('Range.setValue', 'any', writeValues),
        setFormulas: gridSetter('Range.setFormulas', writeFormulas),
        setFormula: fillSetter('Range.setFormula', 'string', writeFormulas),
        setNotes: gridSetter('Range.setNotes', writeNotes),
        setNote: fillSetter('Range.setNote', 'any', writeNotes),
        clearNote: () => clear({ notes: true }),
        clearContent: () => clear({ contents: true }),
        clear: (...args: unknown[]) => {
          checkArgs('Range.clear', args, [], ['object']);
          const o = (args[0] ?? {}) as Record<string, unknown>;
          const any = !!(o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly);
          // Without options, clear() removes contents and formats, as in Apps Script.
          return clear(
            any
              ? { contents: !!o.contentsOnly, formats: !!o.formatOnly, validations: !!o.validationsOnly, notes: !!o.commentsOnly }
              : { contents: true, formats: true },
          );
        },
      }),
    },
    other: {
      getRow: () => row,
      getColumn: () => column,
      getLastRow: () => row + numRows - 1,
      getLastColumn: () => column + numColumns - 1,
      getNumRows: () => numRows,
      getNumColumns: () => numColumns,
      getA1Notation: () => formatA1(row, column, numRows, numColumns),
      getSheet: () => ctx.sheetApi(book, block.sheet),
      createTextFinder: (...args: unknown[]) => {
        checkArgs('Range.createTextFinder', args, ['string']);
        current();
        return ctx.textFinderApi(book, block, args[0] as string);
      },
      getNumberFormat: () => readPart('formats', 1, 1)[0][0],
      getNumberFormats: () => readPart('formats'),
      setNumberFormat: fillSetter('Range.setNumberFormat', 'string', writeFormats),
      setNumberFormats: gridSetter('Range.setNumberFormats', writeFormats),
      getDataValidation: () => {
        const rule = current().read('rules', row, column, 1, 1)[0][0];
        return rule ? ctx.dataValidationApi(rule) : null;
      },
      setDataValidation: (...args: unknown[]) => {
        const rule = args[0] === null ? null : ctx.ruleBehind(args[0]);
        if (args.length !== 1 || rule === undefined) throw signatureError('Range.setDataValidation', args);
        const rules = filled(rule);
        change((sheet) => sheet.writePart('rules', row, column, rules));
        return self;
      },
      clearDataValidations: () => clear({ validations: true }),
      // Styling is not modelled: the call is checked and counted, and chains.
      setFontWeight: recordOnly('Range.setFontWeight'),
      setBackground: recordOnly('Range.setBackground'),
    },
  });
  return self;
}
