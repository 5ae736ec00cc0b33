// The benchmark's chart: cost against the number of leads, log scales, the project against the naive baseline,
// one panel per operation and measure. Drawn with Vega-Lite as SVG and rendered to PNG by resvg.
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import type { BenchResult } from './bench-results';
import type { OperationCost } from './operation-cost';

/** The measures charted, each with what it is read from. */
const MEASURES: [string, (cost: OperationCost) => number][] = [
  ['emulated time (s)', (cost) => cost.emulatedMs / 1000],
  ['Spreadsheet calls', (cost) => cost.spreadsheetCalls],
  ['Trello requests', (cost) => cost.trelloRequests],
];

function chartSpec(results: BenchResult[]): TopLevelSpec {
  // A log scale has no room for zero: an operation that made no call of a kind has no point there.
  const values = results.flatMap((r) =>
    MEASURES.map(([measure, pick]) => ({ leads: r.leads, operation: r.operation, bundle: r.bundle, measure, value: pick(r.cost) })).filter((point) => point.value > 0),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    background: 'white',
    title: 'Cost of each operation against the number of leads (log scales)',
    facet: {
      row: { field: 'measure', type: 'nominal', title: null, sort: MEASURES.map(([measure]) => measure) },
      column: { field: 'operation', type: 'nominal', title: null, sort: [...new Set(results.map((r) => r.operation))] },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 150,
      height: 120,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'leads', type: 'quantitative', scale: { type: 'log' }, title: 'leads' },
        y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: null },
        color: { field: 'bundle', type: 'nominal', title: null, scale: { domain: ['project', 'baseline'], range: ['#1f77b4', '#d62728'] } },
      },
    },
  };
}

/** The chart of `results` as a PNG image. */
export async function resultsChartPng(results: BenchResult[]): Promise<Buffer> {
  // Vega and Vega-Lite are ES modules with top-level await: loaded as such, not compiled into this CommonJS module.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(chartSpec(results)).spec), { renderer: 'none' });
  const svg = await view.toSVG(2);
  view.finalize();
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}
