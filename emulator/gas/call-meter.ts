// What each service call of one execution costs: emulated time passes, and the quotas it draws on are taken or,
// when spent, the call fails with the exception Apps Script throws.
import { callCost, fetchCost, type CallCosts } from './call-costs';
import { SheetsApiError, scriptException } from './sheets-api/api-error';
import type { DailyQuota, QuotaLedger, SheetsRequestKind } from './quota-ledger';
import type { Execution } from './execution';

/** Apps Script's text when a trigger execution runs while the day's trigger runtime is spent. */
export const TRIGGER_RUNTIME_EXCEEDED = 'Service using too much computer time for one day';

/** Apps Script's text when a daily call quota is spent, e.g. `Service invoked too many times for one day: urlfetch.` */
export function dailyQuotaText(service: 'urlfetch' | 'properties'): string {
  return `Service invoked too many times for one day: ${service}.`;
}

/** The Sheets project number Google names in quota errors (the emulated project's). */
export const SHEETS_CONSUMER = 'project_number:123456789012';

const DAILY_SERVICE: Record<DailyQuota, 'urlfetch' | 'properties'> = { urlFetchCalls: 'urlfetch', propertiesCalls: 'properties' };

/** `Spreadsheets.Values.batchGet` → `sheets.spreadsheets.values.batchGet`, the API method Google names in errors. */
function apiMethodName(reported: string): string {
  const parts = reported.split('.');
  const method = parts.pop() as string;
  return ['sheets', ...parts.map((part) => part.toLowerCase()), method].join('.');
}

/** Reads of the Sheets API (get, batchGet); every other method writes. */
function sheetsRequestKind(reported: string): SheetsRequestKind {
  return /\.(get|batchGet)$/.test(reported) ? 'read' : 'write';
}

/** The per-minute quota error of the Sheets API, with Google's text. */
function sheetsQuotaError(kind: SheetsRequestKind, scope: 'per user' | 'per project'): SheetsApiError {
  const metric = kind === 'read' ? 'Read requests' : 'Write requests';
  const limit = scope === 'per user' ? `${metric} per minute per user` : `${metric} per minute`;
  return new SheetsApiError(
    429,
    `Quota exceeded for quota metric '${metric}' and limit '${limit}' of service 'sheets.googleapis.com' for consumer '${SHEETS_CONSUMER}'.`,
  );
}

/** How an execution is metered. */
export interface CallMeterSetup {
  costs: CallCosts;
  ledger: QuotaLedger;
  /** Whose Sheets API requests these are (the effective user). */
  user: string;
  /** True for time-driven and edit trigger executions: they draw on the daily trigger runtime. */
  trigger: boolean;
}

/** The meter of one execution. */
export class CallMeter {
  constructor(private readonly setup: CallMeterSetup) {}

  /** Called by `Execution.call` before a service method runs. */
  charge(env: Execution, service: string, method: string, kind: 'sheetsData' | undefined): void {
    this.checkTriggerRuntime(env);
    if (service === 'Properties') this.takeDaily(env, 'propertiesCalls', 1);
    if (service === 'Sheets') {
      const requestKind = sheetsRequestKind(method);
      const broken = this.setup.ledger.takeSheetsRequest(requestKind, this.setup.user);
      if (broken) {
        env.clock.advance(this.setup.costs.sheetsApi);
        throw scriptException(env, apiMethodName(method), sheetsQuotaError(requestKind, broken));
      }
    }
    env.clock.advance(callCost(this.setup.costs, service, kind));
  }

  /** Called by UrlFetchApp before it sends `requestCount` requests (fetchAll sends them in parallel). */
  beforeFetch(env: Execution, requestCount: number): void {
    this.takeDaily(env, 'urlFetchCalls', requestCount);
  }

  /**
   * Called by UrlFetchApp once its responses (`responseBytes` in all) are in, `latencyMs` after they were sent (the
   * latency the servers reported): the rest of the round trip's time passes.
   */
  afterFetch(env: Execution, latencyMs: number, responseBytes: number): void {
    env.clock.advance(fetchCost(this.setup.costs, latencyMs, responseBytes));
  }

  /** Adds the execution's runtime to the day's trigger runtime when it ends. */
  end(env: Execution): void {
    if (this.setup.trigger) this.setup.ledger.addTriggerRuntime(env.startedAt, env.clock.now() - env.startedAt);
  }

  private checkTriggerRuntime(env: Execution): void {
    if (!this.setup.trigger) return;
    const left = this.setup.ledger.triggerRuntimeLeft();
    if (left <= 0 || env.clock.now() - env.startedAt > left) env.fail(TRIGGER_RUNTIME_EXCEEDED);
  }

  private takeDaily(env: Execution, quota: DailyQuota, count: number): void {
    if (!this.setup.ledger.take(quota, count)) env.fail(dailyQuotaText(DAILY_SERVICE[quota]));
  }
}
