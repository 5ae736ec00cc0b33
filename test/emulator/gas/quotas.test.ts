// Quotas: the Sheets API's per-minute read and write requests, and the daily quotas (trigger runtime, UrlFetch
// requests, Properties reads and writes), each failing with Google's text and reset on the emulated clock.
import { EmulatedClock } from '../../../emulator/clock';
import { GasEmulator, SpreadsheetModel, type GasEmulatorOptions } from '../../../emulator/gas';
import { QuotaLedger } from '../../../emulator/gas/quota-ledger';

const CODE = `
function caught(fn) { try { return fn(); } catch (e) { return { name: e.name, message: e.message, details: e.details }; } }
function apiReads(n) { return caught(function () { for (var i = 0; i < n; i++) Sheets.Spreadsheets.Values.batchGet('book-1', { ranges: ['Leads!A1'] }); return i; }); }
function apiWrites(n) { return caught(function () { for (var i = 0; i < n; i++)
  Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: 'Leads!B1', values: [[i]] }] }, 'book-1'); return i; }); }
function fetches(a) { var urls = []; for (var i = 0; i < a[0]; i++) urls.push('https://x.test/' + i);
  for (var j = 0; j < a[1]; j++) UrlFetchApp.fetchAll(urls); }
function reads(n) { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < n; i++) p.getProperty('k'); }
function install() { ScriptApp.newTrigger('fourMinutes').timeBased().everyMinutes(10).create(); }
function fourMinutes() { Utilities.sleep(240000); Logger.log('done'); }
function installEdit() { ScriptApp.newTrigger('oneMinute').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create(); }
function oneMinute() { Utilities.sleep(60000); }
function doPost() { Utilities.sleep(60000); return ContentService.createTextOutput('ok'); }
`;

const MANIFEST = { dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] } };
/** Midnight in Mountain View (08:00 UTC in January), where Google's days start. */
const PACIFIC_MIDNIGHT = Date.UTC(2026, 0, 5, 8, 0, 0);
const DAY_MS = 86_400_000;

function project(options: Partial<GasEmulatorOptions> = {}): { emulator: GasEmulator; sent: string[] } {
  const spreadsheet = new SpreadsheetModel({ id: 'book-1' });
  spreadsheet.addSheet('Leads', [['id', 'n']]);
  const sent: string[] = [];
  const emulator = new GasEmulator({
    code: CODE,
    spreadsheet,
    manifest: MANIFEST,
    fetch: (request) => {
      sent.push(request.url);
      return { status: 200, headers: {}, body: '' };
    },
    ...options,
  });
  return { emulator, sent };
}

describe('Sheets API per-minute quotas', () => {
  it('refuses the 61st read request of a user in a minute with the 429 GoogleJsonResponseException, reads and writes apart', () => {
    const { emulator } = project();
    expect(emulator.run('apiReads', 60).returnValue).toBe(60);
    const message =
      "API call to sheets.spreadsheets.values.batchGet failed with error: Quota exceeded for quota metric 'Read requests' and limit " +
      "'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:123456789012'.";
    expect(emulator.run('apiReads', 1).returnValue).toEqual({
      name: 'GoogleJsonResponseException',
      message,
      details: { code: 429, message: message.slice('API call to sheets.spreadsheets.values.batchGet failed with error: '.length) },
    });
    expect(emulator.run('apiWrites', 60).returnValue).toBe(60);
    expect((emulator.run('apiWrites', 1).returnValue as { message: string }).message).toBe(
      "API call to sheets.spreadsheets.values.batchUpdate failed with error: Quota exceeded for quota metric 'Write requests' and limit " +
        "'Write requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:123456789012'.",
    );
  });

  it('refills every minute of the emulated clock', () => {
    const { emulator } = project();
    expect(emulator.run('apiReads', 70).returnValue).toMatchObject({ name: 'GoogleJsonResponseException' });
    emulator.advanceTime(60_000 - (emulator.clock.now() % 60_000));
    expect(emulator.run('apiReads', 60).returnValue).toBe(60);
  });

  it('caps a project at 300 requests a minute across users', () => {
    const ledger = new QuotaLedger(new EmulatedClock());
    for (let user = 0; user < 5; user++) for (let n = 0; n < 60; n++) expect(ledger.takeSheetsRequest('read', `u${user}`)).toBeUndefined();
    expect(ledger.takeSheetsRequest('read', 'u5')).toBe('per project');
    expect(ledger.takeSheetsRequest('read', 'u0')).toBe('per user');
    expect(ledger.takeSheetsRequest('write', 'u5')).toBeUndefined();
  });
});

describe('daily quotas', () => {
  it('allows 20,000 UrlFetch requests a day to a consumer account, then refuses without sending', () => {
    const { emulator, sent } = project();
    expect(emulator.run('fetches', [1000, 20]).error).toBeUndefined();
    expect(emulator.quotaUsage()).toMatchObject({ urlFetchCalls: 20_000, limits: { urlFetchCalls: 20_000 } });
    expect(emulator.run('fetches', [1, 1]).error).toBe('Exception: Service invoked too many times for one day: urlfetch.');
    expect(sent).toHaveLength(20_000);
  });

  it('gives a Workspace account 100,000 UrlFetch requests and 500,000 property accesses', () => {
    const { emulator } = project({ account: 'workspace' });
    expect(emulator.run('fetches', [1000, 21]).error).toBeUndefined();
    expect(emulator.quotaUsage().limits).toEqual({ triggerRuntimeMs: 6 * 3_600_000, urlFetchCalls: 100_000, propertiesCalls: 500_000 });
  });

  it('allows 50,000 Properties reads and writes a day, then refuses', () => {
    const { emulator } = project({ callCosts: { properties: 0 } });
    expect(emulator.run('reads', 50_000).error).toBeUndefined();
    expect(emulator.run('reads', 1).error).toBe('Exception: Service invoked too many times for one day: properties.');
    expect(emulator.quotaUsage().propertiesCalls).toBe(50_000);
  });

  it('stops trigger executions once 90 minutes of trigger runtime are spent, mid-run too; other executions do not count', () => {
    const clock = new EmulatedClock(PACIFIC_MIDNIGHT);
    const { emulator } = project({ clock });
    emulator.run('install');
    expect(emulator.run('fourMinutes', undefined, { hasUi: false }).error).toBeUndefined();
    const runs = emulator.advanceTime(24 * 10 * 60_000);
    expect(runs).toHaveLength(24);
    // 22 runs of 4 minutes make 88; the 23rd is stopped after its sleep with 2 minutes left; the 24th at once.
    expect(runs.slice(0, 22).every((run) => run.error === undefined && run.logs[0] === 'done')).toBe(true);
    expect(runs.slice(22).map((run) => [run.error, run.endedAt - run.startedAt])).toEqual([
      ['Exception: Service using too much computer time for one day', 240_000],
      ['Exception: Service using too much computer time for one day', 0],
    ]);
    expect(emulator.quotaUsage()).toMatchObject({ day: '2026-01-05', triggerRuntimeMs: 92 * 60_000, limits: { triggerRuntimeMs: 90 * 60_000 } });
  });

  it('counts edit trigger executions in the trigger runtime, web app requests not', () => {
    const { emulator } = project({ webApp: { url: 'https://script.google.com/macros/s/x/exec', access: 'ANYONE_ANONYMOUS' } });
    emulator.run('installEdit');
    expect(emulator.userEdit('Leads', 'A2', [['L1']]).map((run) => run.error)).toEqual([undefined]);
    emulator.webApp.handle({ method: 'POST', url: 'https://script.google.com/macros/s/x/exec', headers: {}, body: '{}' });
    expect(emulator.executions.map((run) => run.functionName)).toEqual(['installEdit', 'oneMinute', 'doPost']);
    expect(emulator.quotaUsage().triggerRuntimeMs).toBe(60_000);
  });

  it('resets every daily quota at midnight Pacific time', () => {
    const clock = new EmulatedClock(PACIFIC_MIDNIGHT + DAY_MS - 60_000);
    const { emulator } = project({ clock, callCosts: { properties: 0 } });
    emulator.run('fetches', [1000, 20]);
    emulator.run('reads', 50_000);
    expect(emulator.quotaUsage()).toMatchObject({ day: '2026-01-05', urlFetchCalls: 20_000, propertiesCalls: 50_000 });
    emulator.advanceTime(60_000);
    expect(emulator.quotaUsage()).toMatchObject({ day: '2026-01-06', triggerRuntimeMs: 0, urlFetchCalls: 0, propertiesCalls: 0 });
    expect(emulator.run('fetches', [1, 1]).error).toBeUndefined();
  });
});
