// What one benchmarked operation cost: its executions' counters summed, the Trello requests it caused, the emulated
// time its executions took, and the CPU time the process spent on it.
import type { ExecutionResult } from '../emulator/gas';
import type { SyncWorld } from '../test/scenarios/sync-world';
import { bundleCpuWindow } from './bundle-cpu';

/** The cost of one operation (one repetition). */
export interface OperationCost {
  /** Executions the operation started (scheduled runs until done, trigger runs, webhook deliveries). */
  executions: number;
  sheetsDataCalls: number;
  spreadsheetCalls: number;
  cellsMoved: number;
  /** Requests Trello received (429 answers included). */
  trelloRequests: number;
  bytesReceived: number;
  urlFetchCalls: number;
  urlFetchRequests: number;
  propertiesCalls: number;
  /** The executions' time on the emulated clock (service calls at realistic costs), summed. */
  emulatedMs: number;
  /** CPU time of the process (bundle and emulators) while the operation ran. */
  cpuMs: number;
  /** The part of it spent in the bundle's own code (the script Apps Script would run); known once `profiled` returns. */
  bundleCpuMs: number;
  /** The executions' errors, if any. */
  errors: string[];
}

function sumOf(runs: ExecutionResult[], pick: (run: ExecutionResult) => number): number {
  return runs.reduce((sum, run) => sum + pick(run), 0);
}

/** Runs `operation` in `world` and measures every execution it started. */
export function measure(world: SyncWorld, operation: () => void): OperationCost {
  const executionsBefore = world.gas.executions.length;
  const requestsBefore = world.trello.requests.length;
  const cpuBefore = process.cpuUsage();
  const endWindow = bundleCpuWindow();
  operation();
  const cpu = process.cpuUsage(cpuBefore);
  const runs = world.gas.executions.slice(executionsBefore);
  const cost: OperationCost = {
    executions: runs.length,
    sheetsDataCalls: sumOf(runs, (run) => run.counters.sheetsDataCalls),
    spreadsheetCalls: sumOf(runs, (run) => run.counters.spreadsheetCalls),
    cellsMoved: sumOf(runs, (run) => run.counters.cellsMoved),
    trelloRequests: world.trello.requests.length - requestsBefore,
    bytesReceived: sumOf(runs, (run) => run.counters.urlFetchBytesReceived),
    urlFetchCalls: sumOf(runs, (run) => run.counters.urlFetchCalls),
    urlFetchRequests: sumOf(runs, (run) => run.counters.urlFetchRequests),
    propertiesCalls: sumOf(runs, (run) => run.counters.propertiesReads + run.counters.propertiesWrites),
    emulatedMs: sumOf(runs, (run) => run.endedAt - run.startedAt),
    cpuMs: (cpu.user + cpu.system) / 1000,
    bundleCpuMs: 0,
    errors: runs.flatMap((run) => (run.error ? [`${run.functionName}: ${run.error}`] : [])),
  };
  endWindow((ms) => {
    cost.bundleCpuMs = ms;
  });
  return cost;
}

/** The median of `values`. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The repetitions' costs as one: the first repetition's counts, the median CPU times, every error. */
export function combine(repetitions: OperationCost[]): OperationCost {
  return {
    ...repetitions[0],
    cpuMs: median(repetitions.map((cost) => cost.cpuMs)),
    bundleCpuMs: median(repetitions.map((cost) => cost.bundleCpuMs)),
    errors: repetitions.flatMap((cost) => cost.errors),
  };
}
