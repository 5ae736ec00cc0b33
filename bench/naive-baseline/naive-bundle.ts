// Compiles the naive baseline (naive-sync.ts) the way the project's bundle is compiled — one ES2019 script whose
// entry points are top-level functions — into a folder GasEmulator.fromDist loads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

const SOURCE = path.join(__dirname, 'naive-sync.ts');
const ENTRY_POINTS = ['onSchedule', 'onSheetEdit', 'doPost', 'registerWebhook', 'installTriggers'];
const MANIFEST = {
  timeZone: 'Etc/UTC',
  runtimeVersion: 'V8',
  oauthScopes: ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/script.external_request', 'https://www.googleapis.com/auth/script.scriptapp'],
  urlFetchWhitelist: ['https://api.trello.com/'],
  webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' },
};

/** Builds the baseline into a new temporary folder (Code.js, appsscript.json) and returns its path. */
export function buildNaiveBundle(): string {
  const library = buildSync({ entryPoints: [SOURCE], bundle: true, format: 'iife', globalName: 'NaiveSync', target: 'es2019', write: false }).outputFiles[0].text;
  // Apps Script calls top-level functions by name, as gas-webpack-plugin's stubs do for the project's bundle.
  const stubs = ENTRY_POINTS.map((name) => `function ${name}(e) { return NaiveSync.${name}(e); }`).join('\n');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'naive-baseline-'));
  fs.writeFileSync(path.join(folder, 'Code.js'), `${stubs}\n${library}`);
  fs.writeFileSync(path.join(folder, 'appsscript.json'), JSON.stringify(MANIFEST, null, 2));
  return folder;
}
