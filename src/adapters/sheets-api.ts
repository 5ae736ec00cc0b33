// SheetsApi: the advanced Sheets service (Sheets API v4) — several ranges read in one call, exact cells written as
// plain values (RAW: never parsed into a formula, number or date) and notes set cell by cell, together in one call.
// SpreadsheetApp buffers its writes and the API does not see them until they are flushed, so every call here
// flushes first: rows added, tabs created and cells written through SpreadsheetApp are there when the API looks.
// A per-minute quota answer (429) is waited out while the run has time.
import type { Clock } from '../app/ports';
import type { RangeWrite } from '../core/range-runs';
import { retryOnRateQuota } from './quota-retry';

/** A note to set ('' clears it) on one cell of a tab. */
export interface NoteChange {
  sheetId: number;
  row: number;
  column: number;
  note: string;
}

/** One block of values for a tab. */
export interface TabWrite extends RangeWrite {
  sheetName: string;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** A1 notation of a tab (quoted, as the API wants any name), or of a block of it. */
export function a1Range(sheetName: string, block?: { row: number; column: number; rows: number; columns: number }): string {
  const tab = `'${sheetName.replace(/'/g, "''")}'`;
  if (!block) return tab;
  const end = `${columnLetters(block.column + block.columns - 1)}${block.row + block.rows - 1}`;
  return `${tab}!${columnLetters(block.column)}${block.row}:${end}`;
}

/** A1 notation of one whole column of a tab. */
export function a1Column(sheetName: string, column: number): string {
  const letters = columnLetters(column);
  return `${a1Range(sheetName)}!${letters}:${letters}`;
}

/** A1 notation of one whole row of a tab, or of whole rows `row`…`lastRow`. */
export function a1Row(sheetName: string, row: number, lastRow = row): string {
  return `${a1Range(sheetName)}!${row}:${lastRow}`;
}

/** The Sheets API adapter for one spreadsheet. */
export class SheetsApi {
  private readonly sheets: GoogleAppsScript.Sheets;

  /** `flushSpreadsheetApp` applies SpreadsheetApp's pending writes (SpreadsheetApp.flush). */
  constructor(
    private readonly spreadsheetId: string,
    private readonly flushSpreadsheetApp: () => void,
    private readonly clock: Clock,
    /** Epoch ms after which a quota answer is no longer waited out but thrown. */
    private readonly deadline: number,
    /** The id of a tab by its name (values and notes written together are addressed by tab id). */
    private readonly sheetIdOf: (sheetName: string) => number,
  ) {
    if (typeof Sheets === 'undefined' || !Sheets) {
      throw new Error('The advanced Sheets service is not enabled: add it under Services in the Apps Script editor (appsscript.json enables it).');
    }
    this.sheets = Sheets;
  }

  /**
   * The values of each range (rows as the API gives them: trailing empty cells and rows left out), in one call. Dates
   * come as the text the cell shows, or as serial numbers when asked (to tell a date from text that looks like one).
   */
  read(ranges: string[], dates: 'FORMATTED_STRING' | 'SERIAL_NUMBER' = 'FORMATTED_STRING'): unknown[][][] {
    this.flushSpreadsheetApp();
    const answer = this.retrying(() =>
      this.sheets.Spreadsheets!.Values!.batchGet(this.spreadsheetId, {
        ranges,
        majorDimension: 'ROWS',
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: dates,
      }),
    );
    return (answer.valueRanges ?? []).map((range) => (range.values ?? []) as unknown[][]);
  }

  /**
   * Writes every block exactly as given and sets every note, in one call (none when there is nothing to write): values
   * alone through the values API, notes with or without values through one spreadsheet update.
   */
  write(blocks: TabWrite[], notes: NoteChange[] = []): void {
    if (blocks.length === 0 && notes.length === 0) return;
    this.flushSpreadsheetApp();
    if (notes.length === 0) {
      const data = blocks.map((block) => ({
        range: a1Range(block.sheetName, { row: block.row, column: block.column, rows: block.values.length, columns: Math.max(...block.values.map((line) => line.length)) }),
        majorDimension: 'ROWS',
        values: block.values,
      }));
      this.retrying(() => this.sheets.Spreadsheets!.Values!.batchUpdate({ valueInputOption: 'RAW', data }, this.spreadsheetId));
      return;
    }
    const requests = [...blocks.map((block) => this.valuesRequest(block)), ...notes.map(noteRequest)];
    this.retrying(() => this.sheets.Spreadsheets!.batchUpdate({ requests }, this.spreadsheetId));
  }

  /** The values of a block as an update of cells: each value as entered without parsing, as RAW writes it. */
  private valuesRequest(block: TabWrite): object {
    return {
      updateCells: {
        start: { sheetId: this.sheetIdOf(block.sheetName), rowIndex: block.row - 1, columnIndex: block.column - 1 },
        rows: block.values.map((line) => ({ values: line.map((value) => ({ userEnteredValue: enteredValue(value) })) })),
        fields: 'userEnteredValue',
      },
    };
  }

  private retrying<T>(call: () => T): T {
    return retryOnRateQuota(this.clock, this.deadline, call);
  }
}

/** A value as the API's ExtendedValue: text stays text, like a RAW write; blank clears the cell. */
function enteredValue(value: unknown): object {
  if (value === null || value === undefined || value === '') return {};
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return { stringValue: String(value) };
}

/** The update of one cell's note. */
function noteRequest(change: NoteChange): object {
  return {
    updateCells: {
      range: { sheetId: change.sheetId, startRowIndex: change.row - 1, endRowIndex: change.row, startColumnIndex: change.column - 1, endColumnIndex: change.column },
      rows: [{ values: [{ note: change.note }] }],
      fields: 'note',
    },
  };
}
