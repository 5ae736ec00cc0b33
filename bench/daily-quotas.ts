// The share of Apps Script's daily quotas (consumer account: trigger runtime 90 min, UrlFetch 20,000, Properties
// 50,000) that a day of scheduled runs every minute (or every `everyMinutes`) would use, each run costing what the
// measured quiet run cost.
import { DAILY_LIMITS, type DailyLimits } from '../emulator/gas/quota-ledger';
import type { OperationCost } from './operation-cost';

const MINUTES_PER_DAY = 1_440;

/** Each daily quota's share used (1 = all of it) by a day of runs like `quietRun`, one every `everyMinutes`. */
export function dailyQuotaShare(quietRun: OperationCost, everyMinutes = 1): DailyLimits {
  const limits = DAILY_LIMITS.consumer;
  const RUNS_PER_DAY = MINUTES_PER_DAY / everyMinutes;
  return {
    triggerRuntimeMs: (RUNS_PER_DAY * quietRun.emulatedMs) / limits.triggerRuntimeMs,
    urlFetchCalls: (RUNS_PER_DAY * quietRun.urlFetchRequests) / limits.urlFetchCalls,
    propertiesCalls: (RUNS_PER_DAY * quietRun.propertiesCalls) / limits.propertiesCalls,
  };
}
