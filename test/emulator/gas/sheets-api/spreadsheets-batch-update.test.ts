// spreadsheets.batchUpdate with updateCells: notes and values written at a grid range or from a start cell, only the
// listed fields changed, every request checked before any applies, other request kinds refused by name; and the
// minimal spreadsheets.get.
import type { GasEmulator } from '../../../../emulator/gas';
import { BOOK_ID, failed, ok, sheetOf, sheetsProject } from './sheets-fixture';

const LEADS = 0;
const BASE = 1;

const update = (emulator: GasEmulator, ...requests: unknown[]) => ok<Record<string, unknown>>(emulator, 'spreadsheetsBatchUpdate', { requests }, BOOK_ID);
const apiError = (emulator: GasEmulator, ...requests: unknown[]) =>
  failed(emulator, 'spreadsheetsBatchUpdate', { requests }, BOOK_ID)?.replace('GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate failed with error: ', '');
const range = (sheetId: number, startRowIndex: number, endRowIndex: number, startColumnIndex: number, endColumnIndex: number) => ({
  sheetId,
  startRowIndex,
  endRowIndex,
  startColumnIndex,
  endColumnIndex,
});

describe('spreadsheets.batchUpdate updateCells', () => {
  it('sets notes in one counted call, leaving values alone', () => {
    const { emulator, book } = sheetsProject();
    const result = update(emulator, {
      updateCells: { range: range(LEADS, 1, 3, 2, 3), rows: [{ values: [{ note: 'moved by Trello' }] }, { values: [{ note: 'second' }] }], fields: 'note' },
    });
    expect(result.returnValue).toEqual({ spreadsheetId: BOOK_ID, replies: [{}] });
    expect(result.counters.sheetsDataCalls).toBe(1);
    const leads = sheetOf(book, 'Lead Tracker');
    expect([leads.cell(2, 3), leads.cell(3, 3)].map((c) => [c.value, c.note])).toEqual([
      ['NEW', 'moved by Trello'],
      ['WON', 'second'],
    ]);
  });

  it("clears notes given as '' or left out, and the listed fields of cells a range's rows do not reach", () => {
    const { emulator, book } = sheetsProject();
    const leads = sheetOf(book, 'Lead Tracker');
    for (const row of [1, 2, 3]) leads.setNoteAsUser(row, 1, `note ${row}`);
    update(emulator, { updateCells: { range: range(LEADS, 0, 3, 0, 1), rows: [{ values: [{ note: '' }] }, { values: [{}] }], fields: 'note' } });
    expect([1, 2, 3].map((row) => leads.cell(row, 1).note)).toEqual(['', '', '']);
    expect(leads.cell(3, 1).value).toBe('L2');
  });

  it('changes only the listed fields, values as given (a string is never parsed)', () => {
    const { emulator, book } = sheetsProject();
    const base = sheetOf(book, 'Trello Sync Base');
    base.setNoteAsUser(2, 2, 'kept');
    update(
      emulator,
      { updateCells: { start: { sheetId: BASE, rowIndex: 1, columnIndex: 1 }, rows: [{ values: [{ userEnteredValue: { stringValue: '=1+1' }, note: 'ignored' }] }], fields: 'userEnteredValue' } },
      {
        updateCells: {
          start: { sheetId: BASE, rowIndex: 2, columnIndex: 0 },
          rows: [{ values: [{ userEnteredValue: { numberValue: 7 }, note: 'n' }, { userEnteredValue: { boolValue: true } }, { userEnteredValue: { formulaValue: '=A3*2' } }] }],
          fields: 'note,userEnteredValue',
        },
      },
    );
    expect(base.cell(2, 2)).toMatchObject({ value: '=1+1', formula: '', note: 'kept' });
    expect([1, 2, 3].map((column) => base.cell(3, column))).toMatchObject([
      { value: 7, note: 'n' },
      { value: true, note: '' },
      { value: '#NAME?', formula: '=A3*2' },
    ]);
    // A start cell writes only the cells its rows reach.
    expect(base.cell(2, 1).value).toBe('L1');
  });

  it('checks every request first: an unsupported kind, an unknown grid or missing fields change nothing', () => {
    const { emulator, book } = sheetsProject();
    const note = { updateCells: { range: range(LEADS, 0, 1, 0, 1), rows: [{ values: [{ note: 'x' }] }], fields: 'note' } };
    expect(apiError(emulator, note, { repeatCell: { range: range(LEADS, 0, 1, 0, 1), cell: {}, fields: 'note' } })).toBe(
      "Invalid requests[1]: the request kind 'repeatCell' is not supported by the emulator (it supports updateCells only).",
    );
    expect(apiError(emulator, { updateCells: { ...note.updateCells, range: range(99, 0, 1, 0, 1) } })).toBe('Invalid requests[0].updateCells: No grid with id: 99');
    expect(apiError(emulator, { updateCells: { ...note.updateCells, fields: undefined } })).toBe(
      "Invalid requests[0].updateCells: At least one field must be listed in 'fields'.",
    );
    expect(apiError(emulator, { updateCells: { ...note.updateCells, rows: [{ values: [{ note: 'a' }] }, { values: [{ note: 'b' }] }] } })).toBe(
      'Invalid requests[0].updateCells: Attempting to write row: 1, beyond the last requested row of: 0',
    );
    expect(apiError(emulator, { updateCells: { start: { sheetId: LEADS, columnIndex: 25 }, rows: [{ values: [{}, {}] }], fields: 'note' } })).toBe(
      'Invalid requests[0].updateCells: Attempting to write column: 26, beyond the last requested column of: 25',
    );
    expect(apiError(emulator)).toBe('Must specify at least one request.');
    expect(sheetOf(book, 'Lead Tracker').cell(1, 1).note).toBe('');
  });
});

describe('spreadsheets.get', () => {
  it('gives the sheet properties, optionally of the sheets ranges name, as a call that moves no cell data', () => {
    const { emulator, book } = sheetsProject();
    sheetOf(book, 'Lead Tracker').frozenRows = 1;
    const result = ok<{ sheets: unknown[] }>(emulator, 'spreadsheetsGet', BOOK_ID);
    expect(result.returnValue).toEqual({
      spreadsheetId: BOOK_ID,
      properties: { title: 'Leads', timeZone: 'America/New_York' },
      sheets: [
        { properties: { sheetId: 0, title: 'Lead Tracker', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 } } },
        { properties: { sheetId: 1, title: 'Trello Sync Base', index: 1, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 }, hidden: true } },
        { properties: { sheetId: 2, title: 'Sheet1', index: 2, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 } } },
      ],
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${BOOK_ID}/edit`,
    });
    expect(result.counters.sheetsDataCalls).toBe(0);
    const named = ok<{ sheets: { properties: { title: string } }[] }>(emulator, 'spreadsheetsGet', BOOK_ID, { ranges: ['Sheet1!A1', "'Lead Tracker'"] });
    expect(named.returnValue?.sheets.map((s) => s.properties.title)).toEqual(['Lead Tracker', 'Sheet1']);
  });
});
