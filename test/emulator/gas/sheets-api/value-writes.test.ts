// values.batchUpdate writes scattered ranges in one counted call: RAW keeps text exactly, USER_ENTERED reads it as a
// person's typing, null skips a cell, the API's range and grid errors refuse the whole call, and no edit trigger or
// rejecting validation rule gets in the way.
import { SpreadsheetModel, type GasEmulator } from '../../../../emulator/gas';
import { BOOK_ID, failed, ok, sheetOf, sheetsProject } from './sheets-fixture';

const TYPED = ['=1+1', '007', "'x", 'TRUE', '2026-01-05', 42, false];

const write = (emulator: GasEmulator, resource: Record<string, unknown>) => ok<Record<string, unknown>>(emulator, 'valuesBatchUpdate', resource, BOOK_ID);
const apiError = (emulator: GasEmulator, resource: Record<string, unknown>) =>
  failed(emulator, 'valuesBatchUpdate', resource, BOOK_ID)?.replace('GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchUpdate failed with error: ', '');
const contents = (book: SpreadsheetModel, row: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const { value, formula } = sheetOf(book, 'Sheet1').cell(row, i + 1);
    return formula || value;
  });

describe('values.batchUpdate', () => {
  it('stores RAW text exactly and parses USER_ENTERED text like typing', () => {
    const { emulator, book } = sheetsProject();
    write(emulator, { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1', values: [TYPED] }] });
    write(emulator, { valueInputOption: 'USER_ENTERED', data: [{ range: 'Sheet1!A2', values: [TYPED] }] });
    expect(contents(book, 1, 7)).toEqual(['=1+1', '007', "'x", 'TRUE', '2026-01-05', 42, false]);
    expect(sheetOf(book, 'Sheet1').cell(1, 1).formula).toBe('');
    expect(contents(book, 2, 7)).toEqual(['=1+1', 7, 'x', true, new Date(Date.UTC(2026, 0, 5, 5)), 42, false]);
    // A script's Date goes to the API as JSON: ISO text.
    ok(emulator, 'writeDate', BOOK_ID);
    expect(sheetOf(book, 'Sheet1').cell(1, 3).value).toBe('2026-01-05T00:00:00.000Z');
  });

  it('writes scattered ranges of two sheets in one counted call and reports what changed', () => {
    const { emulator, book } = sheetsProject();
    const result = write(emulator, {
      valueInputOption: 'RAW',
      data: [
        { range: "'Lead Tracker'!C2", values: [['WON']] },
        { range: "'Lead Tracker'!B3:D3", values: [['Bob', null, 5]] },
        { range: "'Trello Sync Base'!B2", values: [['c9']] },
      ],
    });
    expect(result.counters.sheetsDataCalls).toBe(1);
    expect(result.returnValue).toEqual({
      spreadsheetId: BOOK_ID,
      totalUpdatedRows: 3,
      totalUpdatedColumns: 4,
      totalUpdatedCells: 4,
      totalUpdatedSheets: 2,
      responses: [
        { spreadsheetId: BOOK_ID, updatedRange: "'Lead Tracker'!C2", updatedRows: 1, updatedColumns: 1, updatedCells: 1 },
        { spreadsheetId: BOOK_ID, updatedRange: "'Lead Tracker'!B3:D3", updatedRows: 1, updatedColumns: 2, updatedCells: 2 },
        { spreadsheetId: BOOK_ID, updatedRange: "'Trello Sync Base'!B2", updatedRows: 1, updatedColumns: 1, updatedCells: 1 },
      ],
    });
    // null left C3 as it was.
    expect(sheetOf(book, 'Lead Tracker').values()[2]).toEqual(['L2', 'Bob', 'WON', 5]);
    expect(sheetOf(book, 'Trello Sync Base').cell(2, 2).value).toBe('c9');
  });

  it("clears a cell for '', writes columns, and reads the block back on request", () => {
    const { emulator, book } = sheetsProject();
    const result = write(emulator, {
      valueInputOption: 'USER_ENTERED',
      includeValuesInResponse: true,
      responseValueRenderOption: 'UNFORMATTED_VALUE',
      data: [{ range: "'Lead Tracker'!C2:D3", majorDimension: 'COLUMNS', values: [['', 'LOST'], ['7']] }],
    });
    expect(sheetOf(book, 'Lead Tracker').values().slice(1)).toEqual([
      ['L1', 'Ada', '', 7],
      ['L2', '', 'LOST', ''],
    ]);
    expect(result.returnValue?.responses).toEqual([
      {
        spreadsheetId: BOOK_ID,
        updatedRange: "'Lead Tracker'!C2:D3",
        updatedRows: 2,
        updatedColumns: 2,
        updatedCells: 3,
        updatedData: { range: "'Lead Tracker'!C2:D3", majorDimension: 'ROWS', values: [['', 7], ['LOST']] },
      },
    ]);
  });

  it('refuses values beyond their range or the grid, and then writes nothing', () => {
    const { emulator, book } = sheetsProject();
    const raw = (range: string, values: unknown[][]) => apiError(emulator, { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1', values: [['first']] }, { range, values }] });
    expect(raw("'Lead Tracker'!A2:A3", [['a'], ['b'], ['c']])).toBe("Requested writing within range ['Lead Tracker'!A2:A3], but tried writing to row [4]");
    expect(raw('Sheet1!A1:A2', [['a', 'b']])).toBe('Requested writing within range [Sheet1!A1:A2], but tried writing to column [B]');
    expect(raw('Sheet1!A1000', [['a'], ['b']])).toBe('Requested writing within range [Sheet1!A1000], but tried writing to row [1001]');
    expect(raw('Sheet1!A1001', [['a']])).toBe('Range (Sheet1!A1001) exceeds grid limits. Max rows: 1000, max columns: 26');
    expect(raw('Nope!A1', [['a']])).toBe('Unable to parse range: Nope!A1');
    expect(raw('Sheet1!B1', [[{ a: 1 }]])).toBe('Invalid values[0][0]: struct_value');
    expect(sheetOf(book, 'Sheet1').cell(1, 1).value).toBe('');
    // A single cell is where the values start: they may run on past it.
    write(emulator, { valueInputOption: 'RAW', data: [{ range: 'Sheet1!Y999', values: [['a', 'b'], ['c', 'd']] }] });
    expect(sheetOf(book, 'Sheet1').cell(1000, 26).value).toBe('d');
  });

  it('requires a valueInputOption the API knows', () => {
    const { emulator } = sheetsProject();
    const data = [{ range: 'Sheet1!A1', values: [['x']] }];
    expect(apiError(emulator, { data })).toBe("'valueInputOption' is required but not specified");
    expect(apiError(emulator, { valueInputOption: 'Text', data })).toBe(
      `Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "Text"`,
    );
  });

  it('fires no edit trigger and checks no rejecting validation rule', () => {
    const { emulator, book } = sheetsProject();
    ok(emulator, 'installEditTrigger');
    sheetOf(book, 'Lead Tracker').writePart('rules', 2, 3, [[{ criteria: 'VALUE_IN_LIST', values: ['NEW', 'WON'], showDropdown: true, allowInvalid: false, helpText: null }]]);
    const before = emulator.executions.length;
    write(emulator, { valueInputOption: 'USER_ENTERED', data: [{ range: "'Lead Tracker'!C2", values: [['MAYBE']] }] });
    expect(emulator.executions.length).toBe(before + 1);
    expect(sheetOf(book, 'Lead Tracker').cell(2, 3).value).toBe('MAYBE');
  });
});
