// Benchmark: what one Sheets call of 10,000 × 8 cells costs in the emulator (best of five), and a sync run over
// 10,000 synced leads in the emulators. Prints timings; asserts nothing (timings never decide a test).
//   npx tsx bench/emulator-sheet.bench.ts
import { performance } from 'node:perf_hooks';
import { SpreadsheetModel, createSpreadsheetService } from '../emulator/gas/spreadsheet';
import type { ServiceEnv } from '../emulator/gas/service-env';
import { EmulatedClock } from '../emulator/clock';

const ROWS = 10_000;

function bestOfFive(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const env: ServiceEnv = {
  clock: new EmulatedClock(),
  context: { authMode: 'FULL', hasUi: false },
  ui: { menus: [], sidebars: [], toasts: [], alerts: [] },
  call: () => undefined,
  newDate: (ms) => new Date(ms),
  fail: (message) => {
    throw new Error(message);
  },
};
const book = new SpreadsheetModel();
book.addSheet('Big');
const app = createSpreadsheetService(env, { active: book, all: [book] }).app as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
const sheet = app.getActiveSpreadsheet().getSheetByName('Big')!;
sheet.insertRowsAfter(1000, ROWS);
const data = Array.from({ length: ROWS }, (_, r) => [`L${r}`, `Lead ${r}`, `l${r}@example.com`, 'NEW', 'web', `card${r}`, r, r % 2 === 0]);
const range = sheet.getRange(1, 1, ROWS, 8);
console.log(`setValues 10,000×8: ${bestOfFive(() => range.setValues(data)).toFixed(1)} ms`);
console.log(`getValues 10,000×8: ${bestOfFive(() => sheet.getDataRange().getValues()).toFixed(1)} ms`);
console.log(`getDisplayValues 10,000×8: ${bestOfFive(() => sheet.getDataRange().getDisplayValues()).toFixed(1)} ms`);
