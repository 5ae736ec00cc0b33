// Runs every operation for each bundle and size and collects the results the table and the chart are made from.
import { type Bundle, leadsOutOfSync, steadyWorld } from './bench-world';
import type { BenchSettings } from './bench-settings';
import { type Budget, budgetOf, budgetUse } from './cost-budgets';
import { profiled } from './bundle-cpu';
import { combine, type OperationCost } from './operation-cost';
import { measureBulk, measureImport, measureSingles, OPERATIONS, PASTE_ROWS, type Operation } from './operations';

/** One operation of one bundle at one size. */
export interface BenchResult {
  bundle: Bundle['name'];
  leads: number;
  operation: Operation;
  cost: OperationCost;
  budget: Budget;
  budgetUse: number;
}

/** Whether a bundle left sheet and board agreeing after its operations. */
export interface SyncCheck {
  bundle: Bundle['name'];
  leads: number;
  /** Leads whose card is missing or in another list than their status maps to, after the rounds and the import. */
  outOfSync: number;
}

/** Everything one benchmark run measured. */
export interface BenchReport {
  settings: BenchSettings;
  results: BenchResult[];
  checks: SyncCheck[];
}

function result(bundle: Bundle, leads: number, operation: Operation, cost: OperationCost): BenchResult {
  const budget = budgetOf(operation, cost, leads, Math.min(PASTE_ROWS, leads));
  return { bundle: bundle.name, leads, operation, cost, budget, budgetUse: budgetUse(cost, budget) };
}

/** Each operation's repetitions as one result. */
function combined(bundle: Bundle, leads: number, rounds: Map<Operation, OperationCost>[]): BenchResult[] {
  const operations = OPERATIONS.filter((operation) => rounds[0].has(operation));
  return operations.map((operation) => result(bundle, leads, operation, combine(rounds.map((costs) => costs.get(operation) as OperationCost))));
}

/**
 * Rounds of the single events and the bulk operations in one settled world, and how far sheet and board disagree
 * after them. Only the costs outlive the call: a process holding several large worlds spends its time collecting.
 */
function measureSteady(bundle: Bundle, leads: number, settings: BenchSettings) {
  const world = steadyWorld(bundle, leads);
  const singles = Array.from({ length: settings.repetitions }, (_, round) => measureSingles(world, leads, round));
  const bulk = Array.from({ length: settings.bulkRepetitions }, (_, round) => measureBulk(world, leads, round));
  return { singles, bulk, outOfSync: leadsOutOfSync(world) };
}

/**
 * Measures `bundle` at `leads` leads: rounds of the steady operations in one world, then first imports, under one
 * profile (the bundle's CPU time of each operation is known once it is read).
 */
function measureBundle(bundle: Bundle, leads: number, settings: BenchSettings): { results: BenchResult[]; check: SyncCheck } {
  const { singles, bulk, imports, outOfSync } = profiled(() => {
    const steady = measureSteady(bundle, leads, settings);
    const importRuns = Array.from({ length: settings.bulkRepetitions }, () => {
      const { cost, world } = measureImport(bundle, leads);
      return { cost, outOfSync: leadsOutOfSync(world) };
    });
    return { ...steady, imports: importRuns, outOfSync: steady.outOfSync + Math.max(...importRuns.map((run) => run.outOfSync)) };
  });
  const importCost = combine(imports.map((run) => run.cost));
  return {
    results: [...combined(bundle, leads, singles), ...combined(bundle, leads, bulk), result(bundle, leads, 'first import', importCost)],
    check: { bundle: bundle.name, leads, outOfSync },
  };
}

/** Runs the benchmark; `progress` hears a line after each bundle and size. */
export function runBench(bundles: Bundle[], settings: BenchSettings, progress: (line: string) => void): BenchReport {
  const report: BenchReport = { settings, results: [], checks: [] };
  for (const leads of settings.sizes) {
    for (const bundle of bundles) {
      if (bundle.name === 'baseline' && leads > settings.baselineMax) continue;
      const started = performance.now();
      const { results, check } = measureBundle(bundle, leads, settings);
      report.results.push(...results);
      report.checks.push(check);
      progress(`${bundle.name} at ${leads} leads: ${((performance.now() - started) / 1000).toFixed(1)} s, ${check.outOfSync} leads out of sync`);
    }
  }
  return report;
}
