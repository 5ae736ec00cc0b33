// How often the scheduled run may go so that a day of quiet runs stays well inside Apps Script's daily trigger
// runtime: every minute on small sheets, less often on large ones where each run takes seconds.

/** Intervals a time-driven trigger can have, in minutes (everyMinutes takes 1, 5, 10, 15 or 30; then hourly). */
export const SCHEDULE_MINUTES = [1, 5, 10, 15, 30, 60] as const;

/** The kinds of Google account, by their daily trigger runtime. */
export type AccountKind = 'personal' | 'workspace';

/** Apps Script's daily trigger runtime: 90 minutes on a personal (consumer) account, 6 hours on Google Workspace. */
export const DAILY_TRIGGER_RUNTIME_MS: Record<AccountKind, number> = { personal: 90 * 60_000, workspace: 6 * 3_600_000 };

/** Share of the daily trigger runtime the scheduled runs may use; the rest is for edit triggers and busy runs. */
export const SCHEDULE_SHARE = 0.6;

/** Lengthening is immediate; shortening waits until runs this much longer would still fit, so the pace does not flap. */
const SHORTEN_MARGIN = 1.5;

/** A newly measured quiet run is remembered when its duration moved by more than this share (Properties writes count). */
const REMEASURE_SHARE = 0.25;

const MINUTES_PER_DAY = 1440;

/** The pace of the scheduled run: how often it goes, and the measured quiet run's duration. */
export interface SchedulePace {
  everyMinutes: number;
  /** Duration of the last remembered quiet run, ms (0 before any was measured). */
  runMs: number;
}

/** The pace before any run was measured. */
export const DEFAULT_PACE: SchedulePace = { everyMinutes: 1, runMs: 0 };

/** The account kind a setting names: `workspace` (any case), else a personal account (the smaller quota). */
export function accountKind(setting: string | null | undefined): AccountKind {
  return (setting ?? '').trim().toLowerCase() === 'workspace' ? 'workspace' : 'personal';
}

/** The shortest interval at which quiet runs of `runMs` each keep a day within the scheduled runs' share. */
export function paceFor(runMs: number, account: AccountKind = 'personal'): number {
  const budget = DAILY_TRIGGER_RUNTIME_MS[account] * SCHEDULE_SHARE;
  return SCHEDULE_MINUTES.find((minutes) => (MINUTES_PER_DAY / minutes) * runMs <= budget) ?? 60;
}

/**
 * The interval after a quiet run of `runMs` when the schedule runs every `current` minutes and the quiet run measured
 * before took `previousRunMs` (0: none yet). Lengthening waits for two quiet runs in a row that call for it, so that
 * one slow run (the first after setup writes the whole base; a slow answer) does not move the schedule.
 */
export function nextPace(current: number, runMs: number, account: AccountKind = 'personal', previousRunMs = runMs): number {
  const needed = previousRunMs > 0 ? paceFor(Math.min(runMs, previousRunMs), account) : current;
  if (needed > current) return needed;
  const relaxed = paceFor(runMs * SHORTEN_MARGIN, account);
  return relaxed < current ? relaxed : current;
}

/**
 * True when a quiet run of `runMs` is worth remembering beside `stored` (Properties writes count): the first measure,
 * a clear change, or one that calls for another pace (the next run's decision compares with it).
 */
export function remeasured(stored: SchedulePace, runMs: number, account: AccountKind = 'personal'): boolean {
  return stored.runMs === 0 || Math.abs(runMs - stored.runMs) > REMEASURE_SHARE * stored.runMs || paceFor(runMs, account) !== paceFor(stored.runMs, account);
}

/** The trigger runtime a day of quiet runs at `pace` takes, ms. */
export function dailyTriggerMs(pace: SchedulePace): number {
  return (MINUTES_PER_DAY / pace.everyMinutes) * pace.runMs;
}

/** The schedule as doGet and the sidebar report it. */
export interface ScheduleReport {
  everyMinutes: number;
  /** The measured quiet run's duration, ms (0 before one was measured, and for an add-on). */
  quietRunMs: number;
  /** The trigger runtime a day of quiet runs at this pace takes, ms (estimated from `quietRunMs`). */
  dailyTriggerMs: number;
  /** The account's daily trigger runtime, ms. */
  dailyLimitMs: number;
}

/** The report of `pace` on an `account`. */
export function scheduleReport(pace: SchedulePace, account: AccountKind): ScheduleReport {
  return { everyMinutes: pace.everyMinutes, quietRunMs: pace.runMs, dailyTriggerMs: Math.round(dailyTriggerMs(pace)), dailyLimitMs: DAILY_TRIGGER_RUNTIME_MS[account] };
}

/** Reads a stored pace ('' or anything unreadable: the default). */
export function parsePace(text: string | null | undefined): SchedulePace {
  try {
    const parsed = JSON.parse(text ?? '') as Partial<SchedulePace>;
    const everyMinutes = Number(parsed.everyMinutes);
    if (!(SCHEDULE_MINUTES as readonly number[]).includes(everyMinutes)) return DEFAULT_PACE;
    return { everyMinutes, runMs: Math.max(0, Number(parsed.runMs) || 0) };
  } catch {
    return DEFAULT_PACE;
  }
}

/** "every minute", "every 5 minutes", "every hour". */
export function paceText(everyMinutes: number): string {
  if (everyMinutes === 1) return 'every minute';
  if (everyMinutes === 60) return 'every hour';
  return `every ${everyMinutes} minutes`;
}

const minutesText = (ms: number) => `${Math.round(ms / 60_000)} minutes`;
const secondsText = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const quotaText = (account: AccountKind) => (account === 'workspace' ? '6 hours on a Google Workspace account' : '90 minutes on a personal account');

/** What a day of quiet runs at `pace` takes of the daily trigger runtime, e.g. "about 42 minutes a day (47 %)". */
function dailyUse(pace: SchedulePace, account: AccountKind): string {
  const daily = dailyTriggerMs(pace);
  return `about ${minutesText(daily)} a day (${Math.round((100 * daily) / DAILY_TRIGGER_RUNTIME_MS[account])} % of Apps Script's daily trigger time, ${quotaText(account)})`;
}

/** Why the schedule runs at this pace and what a day of it costs, for the sidebar. */
export function paceNote(pace: SchedulePace, account: AccountKind = 'personal'): string {
  if (pace.runMs === 0) return `A full sync runs ${paceText(pace.everyMinutes)}.`;
  if (pace.everyMinutes === 1) return `A full sync runs every minute; on this sheet a run takes ${secondsText(pace.runMs)}: the schedule uses ${dailyUse(pace, account)}.`;
  return (
    `A full sync runs ${paceText(pace.everyMinutes)}: on this sheet a run takes ${secondsText(pace.runMs)}, and running more often would spend ` +
    `more than ${Math.round(SCHEDULE_SHARE * 100)} % of Apps Script's daily trigger time. The schedule uses ${dailyUse(pace, account)}. ` +
    'Sheet edits and the webhook still sync at once.'
  );
}

/** The Sync Log's line when the schedule changes its pace from `before` to `after`. */
export function paceChangeMessage(before: number, after: SchedulePace, account: AccountKind = 'personal'): string {
  const change = `The scheduled sync now runs ${paceText(after.everyMinutes)} (was ${paceText(before)}): a quiet run takes ${secondsText(after.runMs)}`;
  if (after.everyMinutes < before) return `${change}, and the schedule uses ${dailyUse(after, account)}.`;
  const asBefore = dailyTriggerMs({ everyMinutes: before, runMs: after.runMs });
  return (
    `${change}; ${paceText(before)} would spend ${minutesText(asBefore)} a day of the daily trigger time (${quotaText(account)}), more than ` +
    `the ${Math.round(SCHEDULE_SHARE * 100)} % the schedule may use. Sheet edits and the webhook still sync at once.`
  );
}
