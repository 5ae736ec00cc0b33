// One Apps Script execution: the ServiceEnv every service is handed, which counts calls, enforces the execution
// time limit, collects logs and releases the execution's locks when it ends.
import type { Clock } from '../clock';
import type { CallMeter } from './call-meter';
import type { ExecutionContext, ExecutionCounters, ServiceEnv, UiRecord } from './service-env';
import type { ScriptRealm } from './script-realm';

/** The text GAS reports when an execution runs past its limit. */
export const EXECUTION_TIME_EXCEEDED = 'Exceeded maximum execution time';

/** Property store methods that only read; every other Properties method writes. */
const PROPERTY_READS = new Set(['getProperty', 'getProperties', 'getKeys']);

/** What an execution is made from. */
export interface ExecutionSetup {
  clock: Clock;
  context: ExecutionContext;
  ui: UiRecord;
  realm: ScriptRealm;
  limitMs: number;
  /** Runs at the start of every service call, before it is counted (where other executions may start, or the call fails). */
  beforeCall?: () => void;
  /** Runs while the execution waits (e.g. for a busy lock), so that other executions may start meanwhile. */
  whileWaiting?: () => void;
  /** Charges each call's time and quotas (none: every call is free and unlimited). */
  meter?: CallMeter;
}

/** A zeroed set of counters. */
export function emptyCounters(): ExecutionCounters {
  return {
    sheetsDataCalls: 0,
    spreadsheetCalls: 0,
    urlFetchRequests: 0,
    urlFetchCalls: 0,
    urlFetchBytesReceived: 0,
    cellsMoved: 0,
    propertiesReads: 0,
    propertiesWrites: 0,
    cacheCalls: 0,
  };
}

/** The running execution, as services see it (a ServiceEnv with the extras the emulator's own services use). */
export class Execution implements ServiceEnv {
  readonly clock: Clock;
  readonly context: ExecutionContext;
  readonly ui: UiRecord;
  readonly realm: ScriptRealm;
  readonly counters = emptyCounters();
  readonly logs: string[] = [];
  readonly startedAt: number;
  readonly meter: CallMeter | undefined;
  private readonly limitMs: number;
  private readonly cleanups: (() => void)[] = [];
  private readonly beforeCall: () => void;
  private readonly whileWaiting: () => void;

  constructor(setup: ExecutionSetup) {
    this.clock = setup.clock;
    this.context = setup.context;
    this.ui = setup.ui;
    this.realm = setup.realm;
    this.limitMs = setup.limitMs;
    this.meter = setup.meter;
    this.startedAt = setup.clock.now();
    this.beforeCall = setup.beforeCall ?? (() => undefined);
    this.whileWaiting = setup.whileWaiting ?? (() => undefined);
  }

  /** True once the execution has run longer than its limit (GAS would have killed it). */
  get timedOut(): boolean {
    return this.clock.now() - this.startedAt > this.limitMs;
  }

  call(service: string, method: string, kind?: 'sheetsData'): void {
    this.beforeCall();
    if (this.timedOut) throw this.realm.newError('Exception', EXECUTION_TIME_EXCEEDED);
    this.meter?.charge(this, service, method, kind);
    const counters = this.counters;
    if (kind === 'sheetsData') counters.sheetsDataCalls += 1;
    if (service === 'SpreadsheetApp') counters.spreadsheetCalls += 1;
    else if (service === 'UrlFetchApp' && method.startsWith('fetch')) counters.urlFetchCalls += 1;
    else if (service === 'Properties') {
      if (PROPERTY_READS.has(method)) counters.propertiesReads += 1;
      else counters.propertiesWrites += 1;
    } else if (service === 'Cache') counters.cacheCalls += 1;
  }

  moveCells(count: number): void {
    this.counters.cellsMoved += count;
  }

  newDate(epochMs: number): Date {
    return this.realm.newDate(epochMs);
  }

  fail(message: string): never {
    throw this.realm.newError('Exception', message);
  }

  /** Lets other executions run while this one waits (they may, for instance, release what it waits for). */
  letOthersRun(): void {
    this.whileWaiting();
  }

  /** Adds a log line (Logger.log, console.*). */
  log(line: string): void {
    this.logs.push(line);
  }

  /** Registers work to do when the execution ends, whatever the outcome (e.g. releasing a lock). */
  onEnd(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  /** Ends the execution: runs the registered cleanups once. */
  end(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.meter?.end(this);
  }
}
