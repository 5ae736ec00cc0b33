// The advanced Sheets service exists only where the manifest enables it, and values.batchGet reads several ranges in
// one counted call: ranges normalised and clipped to the grid, trailing empties dropped, each render option, and the
// API's errors thrown as Apps Script's GoogleJsonResponseException.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GasEmulator } from '../../../../emulator/gas';
import { BOOK_ID, CODE, failed, ok, SHEETS_ENTRY, sheetOf, sheetsProject } from './sheets-fixture';

interface ValueRange {
  range: string;
  majorDimension: string;
  values?: unknown[][];
}

const read = (emulator: GasEmulator, args: Record<string, unknown>): ValueRange[] =>
  ok<{ spreadsheetId: string; valueRanges: ValueRange[] }>(emulator, 'valuesBatchGet', BOOK_ID, args).returnValue?.valueRanges ?? [];

describe('availability', () => {
  it('exists only when the manifest enables sheets v4, under its userSymbol', () => {
    expect(ok(sheetsProject().emulator, 'typeOfSheets').returnValue).toBe('object');
    const none = sheetsProject({ manifest: undefined }).emulator;
    expect(ok(none, 'typeOfSheets').returnValue).toBe('undefined');
    expect(failed(none, 'valuesBatchGet', BOOK_ID, { ranges: 'Sheet1' })).toBe('ReferenceError: Sheets is not defined');
    const drive = sheetsProject({ manifest: { dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] } } });
    expect(ok(drive.emulator, 'typeOfSheets').returnValue).toBe('undefined');
    const alias = sheetsProject({ manifest: { dependencies: { enabledAdvancedServices: [{ ...SHEETS_ENTRY, userSymbol: 'SheetsApi' }] } } });
    expect([ok(alias.emulator, 'typeOfAlias').returnValue, ok(alias.emulator, 'typeOfSheets').returnValue]).toEqual(['object', 'undefined']);
  });

  it('takes the manifest from dist/appsscript.json when loading a dist folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-dist-'));
    try {
      fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
      expect(ok(GasEmulator.fromDist(dir), 'typeOfSheets').returnValue).toBe('undefined');
      fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ dependencies: { enabledAdvancedServices: [SHEETS_ENTRY] } }));
      expect(ok(GasEmulator.fromDist(dir), 'typeOfSheets').returnValue).toBe('object');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('values.batchGet', () => {
  it('reads the lead tab and the hidden tab in one counted call, trimmed and normalised', () => {
    const { emulator } = sheetsProject();
    const result = ok<{ spreadsheetId: string; valueRanges: ValueRange[] }>(emulator, 'valuesBatchGet', BOOK_ID, { ranges: ["'Lead Tracker'", "'Trello Sync Base'!A2:J"] });
    expect(result.returnValue).toEqual({
      spreadsheetId: BOOK_ID,
      valueRanges: [
        {
          range: "'Lead Tracker'!A1:Z1000",
          majorDimension: 'ROWS',
          values: [
            ['id', 'name', 'status', 'amount'],
            ['L1', 'Ada', 'NEW', '1200'],
            ['L2', '', 'WON'],
          ],
        },
        { range: "'Trello Sync Base'!A2:J1000", majorDimension: 'ROWS', values: [['L1', 'c1']] },
      ],
    });
    expect(result.counters.sheetsDataCalls).toBe(1);
  });

  it('prints ranges as the API does and leaves out values of an empty range', () => {
    const { emulator, book } = sheetsProject();
    book.addSheet('LeadTracker');
    expect(read(emulator, { ranges: ['LeadTracker', 'Sheet1!C:C', 'Sheet1!B2', "'Lead Tracker'!B2:2", 'A1:B1'] })).toEqual([
      { range: 'LeadTracker!A1:Z1000', majorDimension: 'ROWS' },
      { range: 'Sheet1!C1:C1000', majorDimension: 'ROWS' },
      { range: 'Sheet1!B2', majorDimension: 'ROWS' },
      { range: "'Lead Tracker'!B2:Z2", majorDimension: 'ROWS', values: [['Ada', 'NEW', '1200']] },
      // Without a sheet, a range is on the first visible sheet.
      { range: "'Lead Tracker'!A1:B1", majorDimension: 'ROWS', values: [['id', 'name']] },
    ]);
  });

  it('renders formatted, unformatted and formula values, dates as serial numbers or shown text, rows or columns', () => {
    const { emulator, book } = sheetsProject();
    sheetOf(book, 'Sheet1').typeAsUser(1, 1, [['2026-01-05 12:00', '=1+1', true, 0.5]]);
    const ranges = 'Sheet1!A1:D1';
    expect(read(emulator, { ranges })[0].values).toEqual([['1/5/2026 12:00:00', '#NAME?', 'TRUE', '0.5']]);
    expect(read(emulator, { ranges, valueRenderOption: 'UNFORMATTED_VALUE' })[0].values).toEqual([[46027.5, '#NAME?', true, 0.5]]);
    expect(read(emulator, { ranges, valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' })[0].values).toEqual([
      ['1/5/2026 12:00:00', '#NAME?', true, 0.5],
    ]);
    expect(read(emulator, { ranges, valueRenderOption: 'FORMULA' })[0].values).toEqual([[46027.5, '=1+1', true, 0.5]]);
    expect(read(emulator, { ranges: "'Lead Tracker'!A1:C3", majorDimension: 'COLUMNS' })[0]).toEqual({
      range: "'Lead Tracker'!A1:C3",
      majorDimension: 'COLUMNS',
      values: [
        ['id', 'L1', 'L2'],
        ['name', 'Ada'],
        ['status', 'NEW', 'WON'],
      ],
    });
  });

  it('answers in the script realm', () => {
    expect(ok(sheetsProject().emulator, 'realmOf', BOOK_ID).returnValue).toEqual([true, true, true]);
  });

  it('throws GoogleJsonResponseException with the API message and details', () => {
    const { emulator } = sheetsProject();
    const message = 'API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: Nope!A1';
    expect(ok(emulator, 'failure', BOOK_ID).returnValue).toEqual({
      name: 'GoogleJsonResponseException',
      message,
      details: { code: 400, message: 'Unable to parse range: Nope!A1' },
      isError: true,
      text: `GoogleJsonResponseException: ${message}`,
    });
    const error = (args: unknown, id = BOOK_ID) => failed(emulator, 'valuesBatchGet', id, args)?.replace(/^.*failed with error: /, '');
    expect(error({ ranges: ['Sheet1!A1:B2:C3'] })).toBe('Unable to parse range: Sheet1!A1:B2:C3');
    // A sheet name that is not one word must be quoted.
    expect(error({ ranges: ['Lead Tracker!A1'] })).toBe('Unable to parse range: Lead Tracker!A1');
    expect(error({ ranges: ['Sheet1!A1:B2000'] })).toBe('Range (Sheet1!A1:B2000) exceeds grid limits. Max rows: 1000, max columns: 26');
    expect(error({ ranges: ["'Lead Tracker'!AA1"] })).toBe("Range ('Lead Tracker'!AA1) exceeds grid limits. Max rows: 1000, max columns: 26");
    expect(error({ ranges: 'Sheet1', valueRenderOption: 'VALUES' })).toBe(
      `Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "VALUES"`,
    );
    expect(error({ ranges: 'Sheet1' }, 'other-book')).toBe('Requested entity was not found.');
  });
});
