// Time spent in service calls: each Sheets call, UrlFetch round trip and Properties access moves the emulated clock,
// so the 6-minute limit is reached by calls alone; the costs are an option, and NO_CALL_COSTS stops the clock.
import { GasEmulator, NO_CALL_COSTS, REALISTIC_CALL_COSTS, SpreadsheetModel } from '../../../emulator/gas';

const CODE = `
function dataCalls(n) { var range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads').getRange('A1:B2');
  for (var i = 0; i < n; i++) range.getValues(); }
function metadataCalls(n) { var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads');
  for (var i = 0; i < n; i++) sheet.getLastRow(); }
function apiCalls(n) { for (var i = 0; i < n; i++) Sheets.Spreadsheets.Values.batchGet('book-1', { ranges: ['Leads!A1'] }); }
function propertyCalls(n) { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < n; i++) p.setProperty('k', 'v' + i); }
function fetchOne(url) { UrlFetchApp.fetch(url); }
function fetchThree(url) { UrlFetchApp.fetchAll([url, url, url]); }
function readForever() { var range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads').getRange('A1');
  for (;;) range.getValues(); }
`;

const MANIFEST = { dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] } };

function project(options: { callCosts?: typeof NO_CALL_COSTS; body?: string; latencyMs?: number } = {}): GasEmulator {
  const spreadsheet = new SpreadsheetModel({ id: 'book-1' });
  spreadsheet.addSheet('Leads', [['id', 'name'], ['L1', 'Ada']]);
  return new GasEmulator({
    code: CODE,
    spreadsheet,
    manifest: MANIFEST,
    callCosts: options.callCosts,
    fetch: () => ({ status: 200, headers: {}, body: options.body ?? '', latencyMs: options.latencyMs }),
  });
}

/** How long an execution of `functionName(arg)` took on the emulated clock. */
function duration(emulator: GasEmulator, functionName: string, arg: unknown): number {
  const result = emulator.run(functionName, arg, { hasUi: false });
  if (result.error) throw new Error(result.error);
  return result.endedAt - result.startedAt;
}

describe('time spent in service calls', () => {
  it('charges realistic defaults: a Sheets data call, a metadata call, an API call, a property access', () => {
    const emulator = project();
    // Each function also spends three metadata calls (getActiveSpreadsheet, getSheetByName, getRange) before its loop.
    const setup = 3 * REALISTIC_CALL_COSTS.spreadsheetOther;
    expect(duration(emulator, 'dataCalls', 10)).toBe(setup + 10 * 200);
    expect(duration(emulator, 'metadataCalls', 10)).toBe(setup - REALISTIC_CALL_COSTS.spreadsheetOther + 10 * 20);
    expect(duration(emulator, 'apiCalls', 4)).toBe(4 * 250);
    expect(duration(emulator, 'propertyCalls', 5)).toBe(5 * 10);
  });

  it('charges one round trip per fetch or fetchAll, plus the size of the answers', () => {
    expect(duration(project(), 'fetchOne', 'https://x.test/a')).toBe(200);
    expect(duration(project(), 'fetchThree', 'https://x.test/a')).toBe(200);
    const big = project({ body: 'x'.repeat(1024 * 1024) });
    expect(duration(big, 'fetchOne', 'https://x.test/a')).toBe(200 + 512);
    expect(duration(big, 'fetchThree', 'https://x.test/a')).toBe(200 + 3 * 512);
  });

  it('lets a latency the server reports stand for the round trip, never adding both', () => {
    expect(duration(project({ latencyMs: 150 }), 'fetchOne', 'https://x.test/a')).toBe(200);
    expect(duration(project({ latencyMs: 450 }), 'fetchOne', 'https://x.test/a')).toBe(450);
  });

  it('reaches the 6-minute limit by calls alone', () => {
    const emulator = project();
    const result = emulator.run('readForever', undefined, { hasUi: false });
    expect(result.error).toBe('Exceeded maximum execution time');
    // 360 s of 200 ms reads after 60 ms of setup: the 1,800th read is the last one that starts in time.
    expect(result.counters.sheetsDataCalls).toBe(1800);
  });

  it('stops the clock with NO_CALL_COSTS, and takes single costs as options', () => {
    const free = project({ callCosts: NO_CALL_COSTS });
    expect([duration(free, 'dataCalls', 50), duration(free, 'apiCalls', 5), duration(free, 'fetchOne', 'https://x.test/a')]).toEqual([0, 0, 0]);
    const spreadsheet = new SpreadsheetModel({ id: 'book-1' });
    spreadsheet.addSheet('Leads', [['id']]);
    const slow = new GasEmulator({ code: CODE, spreadsheet, callCosts: { spreadsheetData: 500, spreadsheetOther: 0 } });
    expect(duration(slow, 'dataCalls', 3)).toBe(1500);
  });
});
