// `npm run bench`: measures the built bundle (dist/, built first by the npm script) and the naive baseline in the
// emulators, and writes bench/results.md and bench/results.png. Bench results never decide a test.
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from '../test/scenarios/sync-world';
import { runBench } from './bench-results';
import { benchSettings } from './bench-settings';
import { buildNaiveBundle } from './naive-baseline/naive-bundle';
import { resultsChartPng } from './results-chart';
import { resultsMarkdown } from './results-table';

async function main(): Promise<void> {
  const started = performance.now();
  const settings = benchSettings(process.env);
  const baseline = buildNaiveBundle();
  try {
    const report = runBench([{ name: 'project', dist: DIST }, { name: 'baseline', dist: baseline }], settings, (line) => console.log(line));
    fs.writeFileSync(path.join(__dirname, 'results.png'), await resultsChartPng(report.results));
    fs.writeFileSync(path.join(__dirname, 'results.md'), resultsMarkdown(report, performance.now() - started));
    console.log(`bench/results.md and bench/results.png written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    fs.rmSync(baseline, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
