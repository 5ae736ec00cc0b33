// The bundle as Apps Script loads it: a plain ES2019 script, no free variable outside Apps Script's globals, and every
// entry point of the contract defined and callable.
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import * as eslintScope from 'eslint-scope';
import { GasEmulator } from '../../emulator/gas';

const DIST = path.join(__dirname, '../../dist');
const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');

/** The bundle's contract entry points (README, How it fits together) plus the sidebar and menu functions. */
const ENTRY_POINTS = ['onOpen', 'onInstall', 'onSheetEdit', 'onSchedule', 'syncNow', 'doPost', 'doGet', 'showSidebar'];
const EXTRA_FUNCTIONS = ['installTriggers', 'removeTriggers', 'registerWebhook', 'unregisterWebhook', 'getSidebarState', 'saveSettings', 'listBoards', 'listFieldChoices', 'pollChanges', 'dismissError'];

const APPS_SCRIPT_GLOBALS = new Set([
  'SpreadsheetApp', 'UrlFetchApp', 'PropertiesService', 'LockService', 'CacheService', 'ScriptApp', 'HtmlService',
  'ContentService', 'Utilities', 'Session', 'Logger', 'console', 'Sheets',
]);
const LANGUAGE_GLOBALS = new Set([
  'Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'Date', 'Math', 'JSON', 'Error', 'TypeError', 'RangeError',
  'SyntaxError', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'RegExp', 'Function', 'Infinity', 'NaN', 'undefined',
  'isNaN', 'isFinite', 'parseInt', 'parseFloat', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'globalThis',
  'Reflect', 'Proxy', 'ArrayBuffer', 'Uint8Array', 'Int8Array', 'DataView', 'BigInt', 'escape', 'unescape',
]);

function parse() {
  return acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script', ranges: true, locations: true });
}

/** Free variables of the script, except operands of `typeof` (reading an undeclared name there is safe). */
function freeVariables(): Set<string> {
  const ast = parse();
  const manager = eslintScope.analyze(ast as never, { ecmaVersion: 2019, sourceType: 'script' });
  const typeofOperands = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const record = node as { type?: string; operator?: string; argument?: unknown };
    if (record.type === 'UnaryExpression' && record.operator === 'typeof') typeofOperands.add(record.argument);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  const globalScope = manager.globalScope;
  const names = new Set<string>();
  for (const reference of globalScope?.through ?? []) {
    if (!typeofOperands.has(reference.identifier)) names.add(reference.identifier.name);
  }
  return names;
}

describe('dist/Code.js', () => {
  it('parses as an ES2019 script (no import/export, no syntax newer than Apps Script V8 accepts)', () => {
    expect(() => parse()).not.toThrow();
  });

  it('uses no free variable but Apps Script services and language built-ins', () => {
    const unknown = Array.from(freeVariables()).filter((name) => !APPS_SCRIPT_GLOBALS.has(name) && !LANGUAGE_GLOBALS.has(name));
    expect(unknown).toEqual([]);
    for (const forbidden of ['require', 'module', 'exports', 'global', 'process', 'setTimeout', 'window']) {
      expect(freeVariables().has(forbidden)).toBe(false);
    }
  });

  it('declares every entry point as a top-level function', () => {
    const ast = parse();
    const declared = ast.body.filter((node) => node.type === 'FunctionDeclaration').map((node) => (node as acorn.FunctionDeclaration).id.name);
    expect(declared).toEqual(expect.arrayContaining([...ENTRY_POINTS, ...EXTRA_FUNCTIONS]));
  });

  it('loads with only Apps Script globals and every entry point runs without a script error', () => {
    const gas = GasEmulator.fromDist(DIST, { webApp: { url: 'https://script.google.com/macros/s/X/exec', access: 'ANYONE_ANONYMOUS' } });
    gas.spreadsheet.addSheet('LeadTracker', [['id', 'name', 'email', 'status', 'source', 'trello_card_id']]);
    const calls: [string, unknown][] = [
      ['onOpen', { authMode: 'FULL' }],
      ['onInstall', { authMode: 'FULL' }],
      ['showSidebar', undefined],
      ['doGet', { parameter: {} }],
      ['getSidebarState', undefined],
      ['listBoards', undefined],
      ['listFieldChoices', undefined],
      ['dismissError', { at: '2026-01-01T00:00:00.000Z', message: 'gone' }],
      ['pollChanges', undefined],
    ];
    for (const [name, event] of calls) {
      const result = gas.run(name, event);
      expect({ name, error: result.error }).toEqual({ name, error: undefined });
    }
    // Not connected yet: these answer with a readable message instead of failing the execution.
    expect(gas.run<{ ok: boolean; message: string }>('syncNow').returnValue).toMatchObject({ ok: false, message: expect.stringContaining('TRELLO_KEY') });
    expect(gas.run<{ ok: boolean }>('registerWebhook').returnValue).toMatchObject({ ok: false });
    expect(gas.run('onSchedule', {}, { hasUi: false }).error).toBeUndefined();
    const post = gas.webApp.handle({ method: 'POST', url: 'https://script.google.com/macros/s/X/exec', headers: {}, body: '{}' });
    expect(post.status).toBe(302);
    expect(gas.executions.at(-1)?.functionName).toBe('doPost');
    expect(gas.executions.at(-1)?.error).toBeUndefined();
  });
});
