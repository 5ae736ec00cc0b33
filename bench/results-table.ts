// The benchmark's results as Markdown: the cost of every operation, the project's costs as a share of the naive
// baseline's, and what a day of quiet scheduled runs every minute would use of the daily quotas.
import type { BenchReport, BenchResult } from './bench-results';
import { paceFor, paceText } from '../src/core/schedule-pace';
import { dailyQuotaShare } from './daily-quotas';
import type { OperationCost } from './operation-cost';
import { OPERATIONS } from './operations';

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: ms < 10_000 ? 2 : 0 })} s`;
const percent = (share: number) => `${(100 * share).toLocaleString('en-US', { maximumFractionDigits: share < 0.1 ? 2 : 0 })} %`;
const times = (factor: number) => (Number.isFinite(factor) ? `${factor.toLocaleString('en-US', { maximumFractionDigits: factor < 10 ? 2 : 0 })}×` : '∞');

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function costRow(result: BenchResult): string[] {
  const cost = result.cost;
  return [
    count(result.leads),
    result.operation,
    result.bundle,
    count(cost.executions),
    count(cost.sheetsDataCalls),
    count(cost.spreadsheetCalls),
    count(cost.cellsMoved),
    count(cost.trelloRequests),
    count(cost.bytesReceived / 1024),
    count(cost.urlFetchCalls),
    seconds(cost.emulatedMs),
    `${count(cost.bundleCpuMs)} ms`,
    `${count(cost.cpuMs)} ms`,
    times(result.budgetUse),
  ];
}

/** The measures compared with the baseline. */
const RATIO_MEASURES: [string, (cost: OperationCost) => number][] = [
  ['Sheets data calls', (cost) => cost.sheetsDataCalls],
  ['Spreadsheet calls', (cost) => cost.spreadsheetCalls],
  ['cells moved', (cost) => cost.cellsMoved],
  ['Trello requests', (cost) => cost.trelloRequests],
  ['KiB received', (cost) => cost.bytesReceived],
  ['UrlFetch calls', (cost) => cost.urlFetchCalls],
  ['emulated time', (cost) => cost.emulatedMs],
  ['bundle CPU', (cost) => cost.bundleCpuMs],
];

/** project ÷ baseline of one measure, `n/a` when the baseline spent none of it. */
function ratio(project: OperationCost, baseline: OperationCost, pick: (cost: OperationCost) => number): string {
  const base = pick(baseline);
  if (base === 0) return pick(project) === 0 ? '–' : 'n/a';
  const value = pick(project) / base;
  return value < 0.01 ? value.toExponential(1) : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function find(report: BenchReport, bundle: BenchResult['bundle'], leads: number, operation: string): BenchResult | undefined {
  return report.results.find((r) => r.bundle === bundle && r.leads === leads && r.operation === operation);
}

/** The whole results page. */
export function resultsMarkdown(report: BenchReport, elapsedMs: number): string {
  const { settings } = report;
  const sizes = settings.sizes;
  const compared = sizes.filter((leads) => find(report, 'baseline', leads, OPERATIONS[0]));
  const pairs = compared.flatMap((leads) =>
    OPERATIONS.map((operation) => [leads, operation, find(report, 'project', leads, operation), find(report, 'baseline', leads, operation)] as const),
  );
  const quiet = report.results.filter((r) => r.operation === 'quiet scheduled run');
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (BENCH_SIZES=${sizes.join(',')}, BENCH_REPEAT=${settings.repetitions}, ` +
      `BENCH_BULK_REPEAT=${settings.bulkRepetitions}, BENCH_BASELINE_MAX=${settings.baselineMax}; ${seconds(elapsedMs)} in all). ` +
      'The built bundle and the naive baseline run in the same emulators, in one process, with the realistic call costs ' +
      'of `emulator/gas` (see the README, "Benchmark"). Counts are per operation, summed over its executions. "bundle CPU" ' +
      "is the time V8's sampling profiler finds in the bundle's own code (what Apps Script would run); \"process CPU\" adds " +
      `the emulators around it. Both are the median of ${settings.repetitions} repetitions for the single events and of ` +
      `${settings.bulkRepetitions} for the paste, the burst and the import. The baseline runs only up to ` +
      `${count(settings.baselineMax)} leads: above that it takes too long in real time.`,
    '',
    '![cost against the number of leads](results.png)',
    '',
    '## Cost of each operation',
    '',
    '"card move delivery" is both deliveries of one drag (Trello records a move and a position change); "200 card moves" ' +
      "counts every delivery, Trello's retries included (the web app answers with Apps Script's 302, which Trello's " +
      'emulator takes for a failure). On fewer leads than 100 or 200, the paste and the burst take every lead. "budget use" is ' +
      "the larger of Sheets data calls and Trello requests divided by the README's budget for the operation (1× is at " +
      'budget; see `bench/cost-budgets.ts` for how budgets scale to several events).',
    '',
    table(
      ['leads', 'operation', 'bundle', 'executions', 'Sheets data calls', 'Spreadsheet calls', 'cells moved', 'Trello requests', 'KiB received', 'UrlFetch calls', 'emulated time', 'bundle CPU', 'process CPU', 'budget use'],
      report.results.map(costRow),
    ),
    '',
    '## Project ÷ baseline',
    '',
    'Below 1 the project costs less.',
    '',
    table(
      ['leads', 'operation', ...RATIO_MEASURES.map(([name]) => name)],
      pairs.flatMap(([leads, operation, project, baseline]) =>
        project && baseline ? [[count(leads), operation, ...RATIO_MEASURES.map(([, pick]) => ratio(project.cost, baseline.cost, pick))]] : [],
      ),
    ),
    '',
    '## A day of quiet scheduled runs',
    '',
    'Share of the daily quotas of a consumer account (trigger runtime 90 min, UrlFetch 20,000, Properties 50,000) that ' +
      '1,440 runs like the measured quiet run would use, one every minute; and the trigger runtime at the pace the ' +
      "project's schedule would take for runs that long (it runs less often when every minute would spend more than " +
      '60 % of the trigger runtime; see the README, "Known limits"). The baseline has no such pacing.',
    '',
    table(
      ['leads', 'bundle', 'quiet run', 'trigger runtime', 'UrlFetch', 'Properties', 'pace', 'trigger runtime at that pace'],
      quiet.map((r) => {
        const share = dailyQuotaShare(r.cost);
        const paced = r.bundle === 'project' ? paceFor(r.cost.emulatedMs) : undefined;
        return [
          count(r.leads),
          r.bundle,
          seconds(r.cost.emulatedMs),
          percent(share.triggerRuntimeMs),
          percent(share.urlFetchCalls),
          percent(share.propertiesCalls),
          paced ? paceText(paced) : '–',
          paced ? percent(dailyQuotaShare(r.cost, paced).triggerRuntimeMs) : '–',
        ];
      }),
    ),
    '',
    '## Checks',
    '',
    ...report.checks.map(
      (check) => `- ${check.bundle} at ${count(check.leads)} leads: ${check.outOfSync === 0 ? 'sheet and board agree' : `${count(check.outOfSync)} leads out of sync`} after the operations.`,
    ),
    ...report.results.filter((r) => r.cost.errors.length > 0).map((r) => `- ${r.bundle}, ${r.operation} at ${count(r.leads)} leads failed: ${r.cost.errors[0]}`),
    '',
  ].join('\n');
}
