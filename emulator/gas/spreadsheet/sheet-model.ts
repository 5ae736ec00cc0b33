// One sheet's grid: cell values, formulas, notes, number formats and validation rules, stored row by row so that
// moving rows (insert, delete, sort) moves everything a cell carries. Direct use (tests, the runtime) is not counted.
import { formatA1 } from './a1-notation';
import { contentOf, type CellContent } from './cell-input';
import { isDate, type CellValue } from './cell-value';
import { checkRule, type DataValidationModel } from './data-validation';
import { AUTOMATIC_FORMAT, displayOf } from './display-value';
import { GasError, messages } from './gas-error';

/** What a cell carries, one array per part in each row. */
interface CellParts {
  values: CellValue;
  formulas: string;
  notes: string;
  formats: string;
  rules: DataValidationModel | null;
}

type Part = keyof CellParts;
type Row = { [K in Part]?: CellParts[K][] };

const EMPTY: CellParts = { values: '', formulas: '', notes: '', formats: AUTOMATIC_FORMAT, rules: null };
const PARTS = Object.keys(EMPTY) as Part[];
/** The parts that an inserted row or column takes over from its neighbour (formatting, not content). */
const INHERITED: readonly Part[] = ['formats', 'rules'];

/** Which parts a clear removes. */
export interface ClearParts {
  contents?: boolean;
  notes?: boolean;
  formats?: boolean;
  validations?: boolean;
}

/** What the sheet's parent spreadsheet tells its cells, and hears from them. */
export interface SheetParent {
  readonly timeZone: string;
  /** Called after every change of the sheet (readers holding a copy know it is stale). */
  changed(): void;
  /** Throws the Sheets error when `cells` more cells would take the spreadsheet past its cell limit. */
  checkRoomFor(cells: number): void;
}

/** A new sheet's grid, as a new tab in Sheets. */
export const NEW_SHEET_SIZE = { rows: 1000, columns: 26 } as const;

/** The most characters one cell may hold (Sheets refuses a longer value). */
export const MAX_CELL_CHARACTERS = 50_000;

function copyRow(row: Row | undefined): Row | undefined {
  if (!row) return undefined;
  const copy: Row = {};
  for (const key of PARTS) if (row[key]) (copy[key] as unknown[]) = [...(row[key] as unknown[])];
  return copy;
}

function part<K extends Part>(row: Row | undefined, key: K, ci: number): CellParts[K] {
  return row?.[key]?.[ci] ?? EMPTY[key];
}

function setPart<K extends Part>(row: Row, key: K, ci: number, value: CellParts[K]): void {
  const list = row[key];
  if (list) list[ci] = value;
  else if (value !== EMPTY[key]) {
    const fresh: CellParts[K][] = [];
    fresh[ci] = value;
    (row as { [P in K]?: CellParts[K][] })[key] = fresh;
  }
}

function hasContent(row: Row | undefined): boolean {
  return !!row?.values?.some((v) => v !== '' && v !== undefined);
}

/** Sort rank of a value in Sheets' ascending order: numbers and dates, then text, then booleans. */
function sortKey(value: CellValue): [number, number | string] {
  if (typeof value === 'number') return [0, value];
  if (isDate(value)) return [0, value.getTime()];
  if (typeof value === 'boolean') return [2, Number(value)];
  return [1, value.toLowerCase()];
}

/** One sheet (tab) of a spreadsheet. */
export class SheetModel {
  readonly sheetId: number;
  maxRows: number;
  maxColumns: number;
  private rows: (Row | undefined)[] = [];
  private state = { name: '', hidden: false, frozenRows: 0 };

  /** New sheets are 1000 × 26, like a new tab in Sheets. */
  constructor(
    private readonly parent: SheetParent,
    name: string,
    sheetId: number,
  ) {
    this.state.name = name;
    this.sheetId = sheetId;
    this.maxRows = NEW_SHEET_SIZE.rows;
    this.maxColumns = NEW_SHEET_SIZE.columns;
  }

  /** The tab's name. */
  get name(): string {
    return this.state.name;
  }

  set name(name: string) {
    this.state.name = name;
    this.parent.changed();
  }

  /** True for a hidden tab. */
  get hidden(): boolean {
    return this.state.hidden;
  }

  set hidden(hidden: boolean) {
    this.state.hidden = hidden;
    this.parent.changed();
  }

  /** How many rows are frozen at the top. */
  get frozenRows(): number {
    return this.state.frozenRows;
  }

  set frozenRows(count: number) {
    this.state.frozenRows = count;
    this.parent.changed();
  }

  /** A copy of this sheet belonging to `parent`, sharing nothing that a change of either could alter. */
  copyFor(parent: SheetParent): SheetModel {
    const copy = new SheetModel(parent, this.name, this.sheetId);
    copy.maxRows = this.maxRows;
    copy.maxColumns = this.maxColumns;
    copy.state = { ...this.state };
    copy.rows = this.rows.map(copyRow);
    return copy;
  }

  /** The last row with content (a value or a formula), 0 for an empty sheet — as Sheet.getLastRow. */
  lastRow(): number {
    for (let r = this.rows.length; r > 0; r--) if (hasContent(this.rows[r - 1])) return r;
    return 0;
  }

  /** The last column with content, 0 for an empty sheet — as Sheet.getLastColumn. */
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      const values = row?.values;
      if (!values) continue;
      for (let c = values.length; c > last; c--) {
        if (values[c - 1] !== '' && values[c - 1] !== undefined) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** The data region (1..lastRow × 1..lastColumn) as getDataRange().getValues() returns it; [['']] when empty. */
  values(): CellValue[][] {
    return this.readValues(1, 1, Math.max(this.lastRow(), 1), Math.max(this.lastColumn(), 1), (ms) => new Date(ms));
  }

  /** Everything one cell carries. */
  cell(row: number, column: number): { value: CellValue; formula: string; note: string; numberFormat: string; validation: DataValidationModel | null } {
    const data = this.rows[row - 1];
    const ci = column - 1;
    const value = part(data, 'values', ci);
    return {
      value: isDate(value) ? new Date(value.getTime()) : value,
      formula: part(data, 'formulas', ci),
      note: part(data, 'notes', ci),
      numberFormat: part(data, 'formats', ci),
      validation: part(data, 'rules', ci),
    };
  }

  /** Throws the Apps Script error unless the block lies inside the grid. */
  checkInside(row: number, column: number, numRows: number, numColumns: number): void {
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new GasError(messages.outsideSheet);
    }
  }

  /** Maps every cell of a block through `pick`. */
  private block<T>(row: number, column: number, numRows: number, numColumns: number, pick: (data: Row | undefined, ci: number) => T): T[][] {
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const data = this.rows[row - 1 + i];
      const line: T[] = new Array(numColumns);
      for (let j = 0; j < numColumns; j++) line[j] = pick(data, column - 1 + j);
      out[i] = line;
    }
    return out;
  }

  /** One part of every cell of a block. */
  read<K extends Exclude<Part, 'values'>>(key: K, row: number, column: number, numRows: number, numColumns: number): CellParts[K][][] {
    return this.block(row, column, numRows, numColumns, (data, ci) => part(data, key, ci));
  }

  /** The values of a block, dates made by `toDate` (so a script gets Dates of its own realm). */
  readValues(row: number, column: number, numRows: number, numColumns: number, toDate: (epochMs: number) => Date): CellValue[][] {
    return this.block(row, column, numRows, numColumns, (data, ci) => {
      const value = part(data, 'values', ci);
      // The only objects a cell stores are Dates; typeof spares a per-cell global lookup (slow inside jest's vm).
      return typeof value === 'object' ? toDate(value.getTime()) : value;
    });
  }

  /** The shown text of every cell of a block. */
  readDisplay(row: number, column: number, numRows: number, numColumns: number): string[][] {
    const timeZone = this.parent.timeZone;
    return this.block(row, column, numRows, numColumns, (data, ci) => displayOf(part(data, 'values', ci), part(data, 'formats', ci), timeZone));
  }

  private rowAt(row: number): Row {
    return (this.rows[row - 1] ??= {});
  }

  /**
   * Writes `input` at (row, column) the way Sheets takes typed text (see cell-input), after checking every cell
   * against its rejecting validation rule — a rejected block writes nothing.
   */
  writeContents(row: number, column: number, input: readonly (readonly unknown[])[]): void {
    const timeZone = this.parent.timeZone;
    // Plain loops: this runs for every cell of a 10,000-row write.
    const contents: CellContent[][] = new Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const { formats, rules } = this.rows[row - 1 + i] ?? {};
      const line = input[i];
      const out: CellContent[] = new Array(line.length);
      for (let j = 0; j < line.length; j++) {
        const ci = column - 1 + j;
        const format = formats?.[ci] ?? EMPTY.formats;
        const content = contentOf(line[j], format, timeZone);
        if (typeof content.value === 'string' && content.value.length > MAX_CELL_CHARACTERS) throw new GasError(messages.cellTooLong);
        const rule = rules?.[ci];
        // A formula's value is not known to the emulator, so it is not checked.
        if (rule && !content.formula) checkRule(rule, displayOf(content.value, format, timeZone), formatA1(row + i, ci + 1, 1, 1));
        out[j] = content;
      }
      contents[i] = out;
    }
    this.storeContents(row, column, contents);
  }

  /** Stores `contents` at (row, column) as they are — no parsing, no validation; a null leaves its cell unchanged. */
  storeContents(row: number, column: number, contents: readonly (readonly (CellContent | null)[])[]): void {
    for (let i = 0; i < contents.length; i++) {
      const data = this.rowAt(row + i);
      const values = (data.values ??= []);
      contents[i].forEach((content, j) => {
        if (content === null) return;
        values[column - 1 + j] = content.value;
        setPart(data, 'formulas', column - 1 + j, content.formula);
      });
    }
    this.parent.changed();
  }

  /** Sets one part (formulas aside, which go through writeContents/writeFormulas) of every cell of a block. */
  writePart<K extends 'notes' | 'formats' | 'rules'>(key: K, row: number, column: number, values: readonly (readonly CellParts[K][])[]): void {
    values.forEach((line, i) => {
      const data = this.rowAt(row + i);
      line.forEach((value, j) => setPart(data, key, column - 1 + j, value));
    });
    this.parent.changed();
  }

  /** Makes every cell of a block a formula cell (an empty text empties the cell). */
  writeFormulas(row: number, column: number, formulas: readonly (readonly string[])[]): void {
    this.writeContents(row, column, formulas.map((line) => line.map((f) => (f === '' ? '' : f.startsWith('=') ? f : `=${f}`))));
  }

  /** Clears the chosen parts of a block. */
  clear(row: number, column: number, numRows: number, numColumns: number, what: ClearParts): void {
    const keys: Part[] = [
      ...(what.contents ? (['values', 'formulas'] as const) : []),
      ...(what.notes ? (['notes'] as const) : []),
      ...(what.formats ? (['formats'] as const) : []),
      ...(what.validations ? (['rules'] as const) : []),
    ];
    for (let r = row; r < row + numRows && r <= this.rows.length; r++) {
      const data = this.rows[r - 1];
      if (!data) continue;
      for (const key of keys) for (let ci = column - 1; ci < column - 1 + numColumns; ci++) if (data[key]) setPart(data, key, ci, EMPTY[key]);
    }
    this.parent.changed();
  }

  /** Writes `values` as a new row after the last row with content, growing the sheet when it is full. */
  appendRow(values: readonly unknown[]): void {
    const row = this.lastRow() + 1;
    if (row > this.maxRows) this.insertRows(this.maxRows + 1, row - this.maxRows);
    if (values.length > this.maxColumns) this.insertColumns(this.maxColumns + 1, values.length - this.maxColumns);
    this.writeContents(row, 1, [values]);
  }

  /**
   * Inserts `count` empty rows before row `before` (maxRows + 1 appends). They take the number formats and
   * validation of the row above them (of the row below when inserted at the top), as Sheets does.
   */
  insertRows(before: number, count: number): void {
    if (!(before >= 1 && before <= this.maxRows + 1 && count >= 1)) throw new GasError(messages.rowsOutOfBounds);
    this.parent.checkRoomFor(count * this.maxColumns);
    const model = this.rows[before === 1 ? 0 : before - 2];
    const fresh = Array.from({ length: count }, (): Row | undefined => {
      if (!model) return undefined;
      const row: Row = {};
      for (const key of INHERITED) if (model[key]) (row[key] as unknown[]) = [...(model[key] as unknown[])];
      return row;
    });
    // Rows past the stored ones are empty already: only the grid grows.
    if (this.rows.length >= before - 1) this.rows.splice(before - 1, 0, ...fresh);
    this.maxRows += count;
    if (this.frozenRows >= before) this.state.frozenRows += count;
    this.parent.changed();
  }

  /** Deletes rows `row`..`row + count - 1`; at least one row below the frozen ones must remain. */
  deleteRows(row: number, count: number): void {
    if (!(row >= 1 && count >= 1 && row + count - 1 <= this.maxRows)) throw new GasError(messages.rowsOutOfBounds);
    if (this.maxRows - count <= this.frozenRows) throw new GasError(messages.deleteAllRows);
    this.rows.splice(row - 1, count);
    this.maxRows -= count;
    if (this.frozenRows >= row) this.state.frozenRows -= Math.min(count, this.frozenRows - row + 1);
    this.parent.changed();
  }

  /** Inserts `count` empty columns before column `before`, formatted like the column to their left. */
  insertColumns(before: number, count: number): void {
    if (!(before >= 1 && before <= this.maxColumns + 1 && count >= 1)) throw new GasError(messages.columnsOutOfBounds);
    this.parent.checkRoomFor(count * this.maxRows);
    const from = before === 1 ? 0 : before - 2;
    for (const row of this.rows) {
      if (!row) continue;
      for (const key of PARTS) {
        const list = row[key] as unknown[] | undefined;
        if (!list || list.length < before - 1) continue;
        const fill = INHERITED.includes(key) ? list[from] : undefined;
        list.splice(before - 1, 0, ...new Array<unknown>(count).fill(fill));
      }
    }
    this.maxColumns += count;
    this.parent.changed();
  }

  /** Deletes columns `column`..`column + count - 1` with everything their cells carry; at least one column remains. */
  deleteColumns(column: number, count: number): void {
    if (!(column >= 1 && count >= 1 && column + count - 1 <= this.maxColumns && count < this.maxColumns)) throw new GasError(messages.columnsOutOfBounds);
    for (const row of this.rows) {
      if (!row) continue;
      for (const key of PARTS) (row[key] as unknown[] | undefined)?.splice(column - 1, count);
    }
    this.maxColumns -= count;
    this.parent.changed();
  }

  /**
   * Moves columns `column`..`column + count - 1`, with everything their cells carry, before the column that was at
   * `destinationIndex` before the move (as Sheet.moveColumns; `maxColumns + 1` moves them to the end).
   */
  moveColumns(column: number, count: number, destinationIndex: number): void {
    const last = column + count - 1;
    if (!(column >= 1 && count >= 1 && last <= this.maxColumns && destinationIndex >= 1 && destinationIndex <= this.maxColumns + 1)) {
      throw new GasError(messages.columnsOutOfBounds);
    }
    if (destinationIndex >= column && destinationIndex <= last + 1) return;
    const at = destinationIndex > last ? destinationIndex - 1 - count : destinationIndex - 1;
    for (const row of this.rows) {
      if (!row) continue;
      for (const key of PARTS) {
        const list = row[key] as unknown[] | undefined;
        if (!list) continue;
        const cells = Array.from({ length: this.maxColumns }, (_, index) => list[index]);
        cells.splice(at, 0, ...cells.splice(column - 1, count));
        (row[key] as unknown[]) = cells;
      }
    }
  }

  /** Sorts the rows below `headerRows` up to the last row by `column`; empty cells go last either way. */
  sortRows(column: number, ascending: boolean, headerRows: number): void {
    const last = this.lastRow();
    if (last <= headerRows) return;
    if (this.rows.length < last) this.rows.length = last;
    const body = this.rows.slice(headerRows, last);
    const direction = ascending ? 1 : -1;
    body.sort((a, b) => {
      const va = part(a, 'values', column - 1);
      const vb = part(b, 'values', column - 1);
      if (va === '' || vb === '') return (va === '' ? 1 : 0) - (vb === '' ? 1 : 0);
      const [ra, ka] = sortKey(va);
      const [rb, kb] = sortKey(vb);
      return direction * (ra !== rb ? ra - rb : ka < kb ? -1 : ka > kb ? 1 : 0);
    });
    this.rows.splice(headerRows, body.length, ...body);
    this.parent.changed();
  }

  /** A person types `input` (a block, row by row) at (row, column); a rejecting validation rule refuses it. */
  typeAsUser(row: number, column: number, input: unknown[][]): void {
    this.checkInside(row, column, input.length, Math.max(0, ...input.map((line) => line.length)));
    this.writeContents(row, column, input);
  }

  /** A person inserts `count` rows above row `beforeRow`. */
  insertRowsAsUser(beforeRow: number, count: number): void {
    this.insertRows(beforeRow, count);
  }

  /** A person deletes rows `row`..`row + count - 1`. */
  deleteRowsAsUser(row: number, count: number): void {
    this.deleteRows(row, count);
  }

  /** A person inserts `count` columns before column `beforeColumn`. */
  insertColumnsAsUser(beforeColumn: number, count: number): void {
    this.insertColumns(beforeColumn, count);
  }

  /** A person deletes columns `column`..`column + count - 1`. */
  deleteColumnsAsUser(column: number, count: number): void {
    this.deleteColumns(column, count);
  }

  /** A person sorts the sheet by `column`, keeping `headerRows` (default: the frozen rows) on top. */
  sortAsUser(column: number, ascending: boolean, headerRows: number = this.frozenRows): void {
    this.sortRows(column, ascending, headerRows);
  }

  /** A person drags columns `column`..`column + count - 1` to before the column now at `destinationIndex`. */
  moveColumnsAsUser(column: number, count: number, destinationIndex: number): void {
    this.moveColumns(column, count, destinationIndex);
  }

  /** A person sets (or, with '', removes) the note of one cell. */
  setNoteAsUser(row: number, column: number, note: string): void {
    this.checkInside(row, column, 1, 1);
    this.writePart('notes', row, column, [[note]]);
  }
}
