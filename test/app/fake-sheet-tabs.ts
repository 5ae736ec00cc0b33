// Test fixture: the tabs a write-back goes through, over an in-memory spreadsheet that keeps values and notes where they
// were written (a person may sort, insert and delete meanwhile), answers reads as the Sheets API does, and records
// every read, search, note read and write.
import { parseA1, unquoteSheetName } from '../../emulator/gas/spreadsheet/a1-notation';
import type { BaseSnapshot } from '../../src/adapters/sheet-base-store';
import type { TimedLogLine } from '../../src/adapters/sheet-sync-log';
import { a1Column, a1Range, a1Row, type NoteChange, type TabWrite } from '../../src/adapters/sheets-api';
import type { SheetTabs } from '../../src/app/sheet-writeback';
import type { BaseRecord } from '../../src/core/base-record';
import { columnRuns, rowRuns, type CellChange } from '../../src/core/range-runs';

export const LEADS_TAB = 'Leads';
export const BASE_TAB = 'Trello Sync Base';
export const LOG_TAB = 'Sync Log';

/** One tab: values and notes by row and column (index 0 is row or column 1); a missing cell is empty. */
interface Tab {
  id: number;
  values: unknown[][];
  notes: string[][];
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

function validPosition(row: unknown, column: unknown): boolean {
  return Number.isInteger(row) && Number.isInteger(column) && (row as number) >= 1 && (column as number) >= 1;
}

/** A spreadsheet of a lead tab (and the base and log tabs the write-back appends to). */
export class FakeSheet {
  private readonly tabs = new Map<string, Tab>();
  /** Ranges of each read call. */
  readonly reads: string[][] = [];
  /** Texts of each search of the whole lead tab, and of its header row. */
  readonly searches: string[][] = [];
  readonly headerSearches: string[][] = [];
  /** Rows asked of each note read (undefined: the data range). */
  readonly noteReads: ({ first: number; last: number } | undefined)[] = [];
  readonly writes: { blocks: TabWrite[]; notes: NoteChange[] }[] = [];

  constructor(rows: unknown[][], notes: Record<string, string> = {}) {
    this.tabs.set(LEADS_TAB, { id: 101, values: rows.map((row) => [...row]), notes: [] });
    this.tabs.set(BASE_TAB, { id: 102, values: [], notes: [] });
    this.tabs.set(LOG_TAB, { id: 103, values: [['time', 'direction', 'lead id', 'what happened']], notes: [] });
    for (const [at, note] of Object.entries(notes)) {
      const [row, column] = at.split(':').map(Number);
      this.setNote(row, column, note);
    }
  }

  private tab(name: string): Tab {
    const tab = this.tabs.get(name);
    if (!tab) throw new Error(`Unable to parse range: no tab ${name}`);
    return tab;
  }

  private get leads(): Tab {
    return this.tab(LEADS_TAB);
  }

  // --- What a person sees and does -------------------------------------------------------------------------------

  /** The value of a cell of a tab ('' when empty). */
  cell(row: number, column: number, tab = LEADS_TAB): unknown {
    const value = this.tab(tab).values[row - 1]?.[column - 1];
    return isEmpty(value) ? '' : value;
  }

  /** The row of a tab, up to its last cell with a value. */
  row(row: number, tab = LEADS_TAB): unknown[] {
    const values = (this.tab(tab).values[row - 1] ?? []).map((value) => (isEmpty(value) ? '' : value));
    while (values.length && values[values.length - 1] === '') values.pop();
    return values;
  }

  /** The note of a lead cell ('' when none). */
  note(row: number, column: number): string {
    return this.leads.notes[row - 1]?.[column - 1] ?? '';
  }

  /** Every note of the lead tab, as `row:column` → note. */
  allNotes(): Record<string, string> {
    const found: Record<string, string> = {};
    this.leads.notes.forEach((line, row) => line?.forEach((note, column) => note && (found[`${row + 1}:${column + 1}`] = note)));
    return found;
  }

  /** The last row with a value in a tab (1 for a lone header). */
  lastRow(tab = LEADS_TAB): number {
    const { values } = this.tab(tab);
    for (let row = values.length; row > 0; row--) if ((values[row - 1] ?? []).some((value) => !isEmpty(value))) return row;
    return 0;
  }

  private lastColumn(): number {
    return Math.max(0, ...this.leads.values.map((line) => (line ?? []).reduce((last: number, value, index) => (isEmpty(value) ? last : index + 1), 0)));
  }

  setCell(row: number, column: number, value: unknown, tab = LEADS_TAB): void {
    const { values } = this.tab(tab);
    while (values.length < row) values.push([]);
    values[row - 1][column - 1] = value;
  }

  private setNote(row: number, column: number, note: string): void {
    const { notes } = this.leads;
    while (notes.length < row) notes.push([]);
    notes[row - 1][column - 1] = note;
  }

  /** A person swaps two rows (values and notes), as a sort does. */
  swapRows(a: number, b: number): void {
    for (const grid of [this.leads.values, this.leads.notes] as unknown[][][]) {
      while (grid.length < Math.max(a, b)) grid.push([]);
      [grid[a - 1], grid[b - 1]] = [grid[b - 1], grid[a - 1]];
    }
  }

  /** A person deletes a row: the rows below move up. */
  deleteRow(row: number): void {
    this.leads.values.splice(row - 1, 1);
    this.leads.notes.splice(row - 1, 1);
  }

  /** A person adds a row below the last one. */
  addRow(values: unknown[]): void {
    this.leads.values.splice(this.lastRow(), 0, [...values]);
  }

  /** A person inserts a column before `column`, with a header: the columns from there move right. */
  insertColumn(column: number, header: string): void {
    for (const grid of [this.leads.values, this.leads.notes] as unknown[][][]) {
      grid.forEach((line) => {
        if (line && line.length >= column - 1) line.splice(column - 1, 0, undefined);
      });
    }
    this.setCell(1, column, header);
  }

  /** A person deletes a column: the columns right of it move left. */
  deleteColumn(column: number): void {
    for (const grid of [this.leads.values, this.leads.notes] as unknown[][][]) grid.forEach((line) => line?.splice(column - 1, 1));
  }

  /** A person swaps two columns (values and notes), as cutting and pasting them does. */
  swapColumns(a: number, b: number): void {
    for (const grid of [this.leads.values, this.leads.notes] as unknown[][][]) {
      grid.forEach((line) => {
        if (!line) return;
        [line[a - 1], line[b - 1]] = [line[b - 1], line[a - 1]];
      });
    }
  }

  /** A person clears a row's values. */
  clearRow(row: number): void {
    this.leads.values[row - 1] = [];
  }

  /** Forgets the calls made so far (those of the run's own read). */
  forgetCalls(): void {
    for (const calls of [this.reads, this.searches, this.headerSearches, this.noteReads, this.writes] as unknown[][]) calls.length = 0;
  }

  /** The lead tab's blocks and notes of every write. */
  leadWrites(): { blocks: TabWrite[]; notes: NoteChange[] }[] {
    return this.writes.map((write) => ({ blocks: write.blocks.filter((block) => block.sheetName === LEADS_TAB), notes: write.notes }));
  }

  // --- The Sheets API -----------------------------------------------------------------------------------------------

  /** Cells `top`…`bottom` × `left`…`right` of a tab as the API answers them: trailing empty cells and rows left out. */
  private block(tab: Tab, top: number, bottom: number, left: number, right: number): unknown[][] {
    const rows: unknown[][] = [];
    for (let row = top; row <= Math.min(bottom, tab.values.length); row++) {
      const line: unknown[] = [];
      for (let column = left; column <= right; column++) line.push(tab.values[row - 1]?.[column - 1]);
      while (line.length && isEmpty(line[line.length - 1])) line.pop();
      rows.push(line.map((value) => (isEmpty(value) ? '' : value)));
    }
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return rows;
  }

  /** A range as the Sheets API reads it: a whole tab (`'Leads'`) or an A1 range in it; A1 as the emulator parses it. */
  private readRange(range: string): unknown[][] {
    const bang = range.lastIndexOf('!');
    const tab = this.tab(unquoteSheetName(bang < 0 ? range : range.slice(0, bang)));
    const wide = Math.max(1, ...tab.values.map((line) => line?.length ?? 0));
    if (bang < 0) return this.block(tab, 1, tab.values.length, 1, wide);
    const reference = parseA1(range.slice(bang + 1));
    return this.block(tab, reference.startRow, reference.endRow ?? tab.values.length, reference.startColumn, reference.endColumn ?? wide);
  }

  private write(blocks: TabWrite[], notes: NoteChange[] = []): void {
    if (blocks.length === 0 && notes.length === 0) return;
    this.writes.push({ blocks, notes });
    for (const block of blocks) {
      if (!validPosition(block.row, block.column)) throw new Error(`Invalid range: row ${String(block.row)}, column ${String(block.column)}`);
      block.values.forEach((line, rowOffset) => line.forEach((value, columnOffset) => this.setCell(block.row + rowOffset, block.column + columnOffset, value, block.sheetName)));
    }
    for (const change of notes) {
      if (change.sheetId !== this.leads.id || !validPosition(change.row, change.column)) throw new Error('Invalid note range');
      this.setNote(change.row, change.column, change.note);
    }
  }

  /** Positions of the non-empty cells of rows `top`…`bottom` whose text is one of `texts` (trimmed, any case), row by row. */
  private find(texts: readonly string[], top: number, bottom: number): { row: number; column: number }[] {
    const wanted = texts.map((text) => text.toLowerCase());
    const found: { row: number; column: number }[] = [];
    for (let row = top; row <= Math.min(bottom, this.leads.values.length); row++) {
      (this.leads.values[row - 1] ?? []).forEach((value, index) => {
        if (!isEmpty(value) && wanted.includes(String(value).trim().toLowerCase())) found.push({ row, column: index + 1 });
      });
    }
    return found;
  }

  private readNotes(rows?: { first: number; last: number }): string[][] {
    this.noteReads.push(rows);
    const width = Math.max(this.lastColumn(), 1);
    const first = rows?.first ?? 1;
    const last = rows ? Math.min(rows.last, this.leads.values.length) : this.lastRow();
    const notes: string[][] = [];
    for (let row = first; row <= last; row++) notes.push(Array.from({ length: width }, (_, index) => this.note(row, index + 1)));
    return notes;
  }

  /** The tabs as the write-back gets them; the base and log tabs append each record and line as a row. */
  get sheetTabs(): SheetTabs {
    return {
      api: {
        read: (ranges: string[]) => {
          this.reads.push(ranges);
          return ranges.map((range) => this.readRange(range));
        },
        write: (blocks: TabWrite[], notes?: NoteChange[]) => this.write(blocks, notes),
      },
      leads: {
        name: LEADS_TAB,
        range: () => a1Range(LEADS_TAB),
        headerRange: () => a1Row(LEADS_TAB, 1),
        rowsRange: (first: number, last: number) => a1Row(LEADS_TAB, first, last),
        columnRange: (column: number) => a1Column(LEADS_TAB, column),
        cellsHolding: (texts: readonly string[]) => {
          if (texts.length === 0) return [];
          this.searches.push([...texts]);
          return this.find(texts, 1, Number.MAX_SAFE_INTEGER);
        },
        headerCellsHolding: (texts: readonly string[]) => {
          if (texts.length === 0) return [];
          this.headerSearches.push([...texts]);
          return this.find(texts, 1, 1);
        },
        readNotes: (rows?: { first: number; last: number }) => this.readNotes(rows),
        lastRow: () => this.lastRow(),
        cellWrites: (changes: CellChange[]) => columnRuns(changes).map((run) => ({ sheetName: LEADS_TAB, ...run })),
        appendWrite: (afterRow: number, rows: unknown[][]) => (rows.length ? [{ sheetName: LEADS_TAB, row: afterRow + 1, column: 1, values: rows }] : []),
        noteChanges: (changes: CellChange[]) => changes.map((change) => ({ sheetId: this.leads.id, row: change.row, column: change.column, note: String(change.value) })),
      },
      base: {
        writes: (snapshot: BaseSnapshot, records: BaseRecord[]) => {
          let next = snapshot.lastRow;
          const rows = records.map((record) => ({ row: snapshot.rows.get(record.leadId) ?? ++next, values: [record.leadId, record.cardId, record.status] }));
          return rowRuns(rows).map((run) => ({ sheetName: BASE_TAB, ...run }));
        },
      },
      log: {
        writes: (lines: TimedLogLine[]) =>
          lines.length ? [{ sheetName: LOG_TAB, row: this.lastRow(LOG_TAB) + 1, column: 1, values: lines.map((line) => [line.at, line.direction, line.leadId, line.message]) }] : [],
      },
    } as unknown as SheetTabs;
  }
}
