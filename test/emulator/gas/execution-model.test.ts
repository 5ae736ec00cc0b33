// The execution model: a fresh realm per execution with only GAS globals, emulated time, the 6-minute limit and
// how results report errors, logs and counters.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmulatedClock } from '../../../emulator/clock';
import { GasEmulator } from '../../../emulator/gas';

const CODE = `
var runs = 0;
function globalsSeen() {
  return ['require', 'process', 'setTimeout', 'setInterval', 'module', 'exports', 'global', 'window', 'Buffer', 'fetch']
    .filter(function (name) { return typeof globalThis[name] !== 'undefined'; });
}
function gasGlobals() {
  return [typeof SpreadsheetApp, typeof UrlFetchApp, typeof PropertiesService, typeof LockService, typeof CacheService,
    typeof ScriptApp, typeof HtmlService, typeof ContentService, typeof Utilities, typeof Session, typeof Logger, typeof console];
}
function countRuns() { runs += 1; globalThis.leftOver = (globalThis.leftOver || 0) + 1; return [runs, globalThis.leftOver]; }
function now() { return [Date.now(), new Date().getTime(), new Date(0).getTime(), new Date(2020, 0, 1).getFullYear(), new Date() instanceof Date, Date.UTC(2020, 0, 1)]; }
function typed(e) { return [Array.isArray(e.list), e.list instanceof Array, e instanceof Object]; }
function sleepy() { Utilities.sleep(300000); Utilities.sleep(59000); Logger.log('still alive'); Utilities.sleep(2000); Logger.log('never'); }
function sleepyCatcher() { Utilities.sleep(300000); Utilities.sleep(61000); try { Logger.log('x'); } catch (e) { return 'caught ' + e.message; } }
function throwsError() { throw new Error('plain failure'); }
function throwsTypeError() { var x = null; return x.y; }
function serviceFailure() { HtmlService.createHtmlOutputFromFile('Missing'); }
function logs() { Logger.log('a %s b %s', 1, 'two'); Logger.log({ k: 'v' }); console.log('c', 3); console.error('bad'); return 1; }
function fetches() { PropertiesService.getScriptProperties().getProperty('K'); }
function brokenTopLevelUse() { return 1; }
function setsFour() {
  var store = PropertiesService.getScriptProperties();
  ['k1', 'k2', 'k3', 'k4'].forEach(function (key) {
    try { store.setProperty(key, 'v'); } catch (e) { Logger.log('caught ' + e.message); }
  });
  return 'done';
}
`;

describe('execution model', () => {
  it('exposes only the Apps Script globals, nothing from Node', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('globalsSeen').returnValue).toEqual([]);
    expect(emulator.run('gasGlobals').returnValue).toEqual(Array(12).fill('object'));
  });

  it('starts every execution from a fresh global state', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('countRuns').returnValue).toEqual([1, 1]);
    expect(emulator.run('countRuns').returnValue).toEqual([1, 1]);
    expect(emulator.executions).toHaveLength(2);
  });

  it.each([
    ['a whole millisecond', 1234],
    ['between two milliseconds (scripts read whole ones, as Date.now() does)', 1234.75],
  ])('gives the script a Date that reads the emulated clock, advanced to %s, while other forms behave normally', (_, advance) => {
    const clock = new EmulatedClock(Date.UTC(2026, 2, 1, 12, 0, 0));
    const emulator = new GasEmulator({ code: CODE, clock });
    clock.advance(advance);
    const start = Date.UTC(2026, 2, 1, 12, 0, 1, 234);
    expect(emulator.run('now').returnValue).toEqual([start, start, 0, 2020, true, Date.UTC(2020, 0, 1)]);
  });

  it('hands plain data to the script as objects of its own realm', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('typed', { list: [1, 2] }).returnValue).toEqual([true, true, true]);
  });

  it('stops at the 6-minute limit: the next service call throws and the result says so', () => {
    const emulator = new GasEmulator({ code: CODE });
    const result = emulator.run('sleepy');
    expect(result.logs).toEqual(['still alive']);
    expect(result.error).toBe('Exceeded maximum execution time');
    expect(result.endedAt - result.startedAt).toBe(361_000);
  });

  it('reports the limit even when the script catches the exception', () => {
    const emulator = new GasEmulator({ code: CODE, executionLimitMs: 360_000 });
    const result = emulator.run('sleepyCatcher');
    expect(result.error).toBe('Exceeded maximum execution time');
    expect(result.returnValue).toBeUndefined();
  });

  it('kills the next execution at the service call a test names: that call and every later one fail, the result says so', () => {
    const emulator = new GasEmulator({ code: CODE });
    emulator.killNextExecution(3); // 1: getScriptProperties, 2: k1, 3: k2
    const killed = emulator.run('setsFour');
    expect(killed.error).toBe('Exceeded maximum execution time');
    expect(killed.returnValue).toBeUndefined();
    expect(killed.logs).toEqual([]);
    expect(emulator.scriptProperties.entries()).toEqual({ k1: 'v' });
    const next = emulator.run('setsFour');
    expect(next.error).toBeUndefined();
    expect(emulator.scriptProperties.entries()).toEqual({ k1: 'v', k2: 'v', k3: 'v', k4: 'v' });
    expect(() => emulator.killNextExecution(0)).toThrow(RangeError);
    emulator.killNextExecution(1);
    expect(emulator.cancelKills()).toBe(1);
    expect(emulator.run('setsFour').error).toBeUndefined();
  });

  it('reports errors the way Apps Script logs them and never throws', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('throwsError').error).toBe('Error: plain failure');
    expect(emulator.run('throwsTypeError').error).toMatch(/^TypeError: Cannot read properties of null/);
    expect(emulator.run('serviceFailure').error).toBe('Exception: No HTML file named Missing was found.');
    expect(emulator.run('doesNotExist').error).toBe('Script function not found: doesNotExist');
  });

  it('reports an error thrown while the bundle loads', () => {
    const emulator = new GasEmulator({ code: `${CODE}\nnull.crash;` });
    expect(emulator.run('brokenTopLevelUse').error).toMatch(/^TypeError/);
  });

  it('captures Logger and console lines per execution', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('logs').logs).toEqual(['a 1 b two', '{"k":"v"}', 'c 3', 'ERROR: bad']);
    expect(emulator.run('now').logs).toEqual([]);
  });

  it('counts service calls per execution', () => {
    const emulator = new GasEmulator({ code: CODE });
    expect(emulator.run('fetches').counters.propertiesReads).toBe(1);
    expect(emulator.run('fetches').counters.propertiesReads).toBe(1);
  });

  it('loads a built dist/ folder: the bundle and its HTML files', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-dist-'));
    try {
      fs.writeFileSync(path.join(dist, 'Code.js'), "function page() { return HtmlService.createHtmlOutputFromFile('Sidebar').getContent(); }");
      fs.writeFileSync(path.join(dist, 'Sidebar.html'), '<p>side</p>');
      fs.writeFileSync(path.join(dist, 'appsscript.json'), '{}');
      expect(GasEmulator.fromDist(dist).run('page').returnValue).toBe('<p>side</p>');
    } finally {
      fs.rmSync(dist, { recursive: true });
    }
  });
});
