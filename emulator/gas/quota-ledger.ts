// The quotas of one Apps Script project that outlive executions: the Sheets API's per-minute request quotas and
// the daily quotas (trigger runtime, UrlFetch calls, Properties reads and writes), counted on the emulated clock.
import type { Clock } from '../clock';

/** Consumer (gmail.com) or Google Workspace account: the daily quotas differ. */
export type AccountType = 'consumer' | 'workspace';

/** Daily limits of one user of the script. */
export interface DailyLimits {
  /** Total runtime of trigger executions (time-driven and edit triggers), ms. */
  triggerRuntimeMs: number;
  /** Requests sent by UrlFetchApp (fetchAll of n requests counts n). */
  urlFetchCalls: number;
  /** Properties reads and writes together. */
  propertiesCalls: number;
}

/** Apps Script's published daily quotas (the Apps Script quotas page). */
export const DAILY_LIMITS: Readonly<Record<AccountType, Readonly<DailyLimits>>> = Object.freeze({
  consumer: { triggerRuntimeMs: 90 * 60_000, urlFetchCalls: 20_000, propertiesCalls: 50_000 },
  workspace: { triggerRuntimeMs: 6 * 3_600_000, urlFetchCalls: 100_000, propertiesCalls: 500_000 },
});

/** The Sheets API's published per-minute request quotas (the Sheets API usage limits page), each for reads and for writes. */
export const SHEETS_API_PER_MINUTE = Object.freeze({ perProject: 300, perUser: 60 });

/** The day quotas are counted in: Google resets daily quotas at midnight Pacific time. */
export const QUOTA_DAY_TIME_ZONE = 'America/Los_Angeles';

/** What a day has used so far, as `GasEmulator.quotaUsage()` reports it. */
export interface QuotaUsage extends DailyLimits {
  /** The day (YYYY-MM-DD in the quota time zone). */
  day: string;
  limits: Readonly<DailyLimits>;
}

/** Which daily quota a call draws on. */
export type DailyQuota = 'urlFetchCalls' | 'propertiesCalls';

/** A Sheets API request kind, as the usage limits page counts them. */
export type SheetsRequestKind = 'read' | 'write';

const MINUTE_MS = 60_000;

/** Counts per emulated day and per emulated minute, resetting as the clock crosses midnight or a minute. */
export class QuotaLedger {
  readonly limits: Readonly<DailyLimits>;
  private readonly dayFormat: Intl.DateTimeFormat;
  private day = '';
  private used: DailyLimits = { triggerRuntimeMs: 0, urlFetchCalls: 0, propertiesCalls: 0 };
  private minute = -1;
  private perMinute = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    account: AccountType = 'consumer',
    timeZone = QUOTA_DAY_TIME_ZONE,
  ) {
    this.limits = DAILY_LIMITS[account];
    this.dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** Today's usage and limits. */
  usage(): QuotaUsage {
    const used = this.today();
    return { day: this.day, ...used, limits: this.limits };
  }

  /** Takes `count` units of a daily quota; false (and nothing taken) when they would go past the limit. */
  take(quota: DailyQuota, count: number): boolean {
    const used = this.today();
    if (used[quota] + count > this.limits[quota]) return false;
    used[quota] += count;
    return true;
  }

  /** Trigger runtime left today, ms (negative once over). */
  triggerRuntimeLeft(): number {
    return this.limits.triggerRuntimeMs - this.today().triggerRuntimeMs;
  }

  /** Adds a finished trigger execution's runtime to the day it started in. */
  addTriggerRuntime(startedAt: number, ms: number): void {
    const used = this.today();
    if (this.dayFormat.format(startedAt) === this.day) used.triggerRuntimeMs += ms;
  }

  /**
   * Takes one Sheets API request of `kind` for `user` in the current minute; returns the name of the limit it would
   * break (and takes nothing), or undefined.
   */
  takeSheetsRequest(kind: SheetsRequestKind, user: string): 'per user' | 'per project' | undefined {
    const minute = Math.floor(this.clock.now() / MINUTE_MS);
    if (minute !== this.minute) {
      this.minute = minute;
      this.perMinute = new Map();
    }
    const userKey = `${kind}:${user}`;
    const byUser = this.perMinute.get(userKey) ?? 0;
    const byProject = this.perMinute.get(kind) ?? 0;
    if (byUser >= SHEETS_API_PER_MINUTE.perUser) return 'per user';
    if (byProject >= SHEETS_API_PER_MINUTE.perProject) return 'per project';
    this.perMinute.set(userKey, byUser + 1);
    this.perMinute.set(kind, byProject + 1);
    return undefined;
  }

  /** Today's counters, reset when the clock has crossed midnight in the quota time zone. */
  private today(): DailyLimits {
    const day = this.dayFormat.format(this.clock.now());
    if (day !== this.day) {
      this.day = day;
      this.used = { triggerRuntimeMs: 0, urlFetchCalls: 0, propertiesCalls: 0 };
    }
    return this.used;
  }
}
