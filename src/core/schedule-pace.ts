// How often the scheduled run may go so that a day of quiet runs stays well inside Apps Script's daily trigger
// runtime: every minute on small sheets, less often on large ones where each run takes seconds.

/** Intervals a time-driven trigger can have, in minutes (everyMinutes takes 1, 5, 10, 15 or 30; then hourly). */
export const SCHEDULE_MINUTES = [1, 5, 10, 15, 30, 60] as const;

/** Apps Script's smallest daily trigger runtime (consumer accounts: 90 minutes), ms. */
export const DAILY_TRIGGER_RUNTIME_MS = 90 * 60_000;

/** Share of the daily trigger runtime the scheduled runs may use; the rest (36 minutes) is for edit triggers and busy runs. */
export const SCHEDULE_SHARE = 0.6;

/** Lengthening is immediate; shortening waits until runs this much longer would still fit, so the pace does not flap. */
const SHORTEN_MARGIN = 1.5;

const MINUTES_PER_DAY = 1440;

/** The pace of the scheduled run: how often it goes, and the quiet run's duration that decided it. */
export interface SchedulePace {
  everyMinutes: number;
  /** Duration of the quiet run that set this pace, ms (0 before any was measured). */
  runMs: number;
}

/** The pace before any run was measured. */
export const DEFAULT_PACE: SchedulePace = { everyMinutes: 1, runMs: 0 };

/** The shortest interval at which quiet runs of `runMs` each keep a day within the scheduled runs' share. */
export function paceFor(runMs: number): number {
  const budget = DAILY_TRIGGER_RUNTIME_MS * SCHEDULE_SHARE;
  return SCHEDULE_MINUTES.find((minutes) => (MINUTES_PER_DAY / minutes) * runMs <= budget) ?? 60;
}

/** The interval after a quiet run of `runMs` when the schedule runs every `current` minutes. */
export function nextPace(current: number, runMs: number): number {
  const needed = paceFor(runMs);
  if (needed > current) return needed;
  const relaxed = paceFor(runMs * SHORTEN_MARGIN);
  return relaxed < current ? relaxed : current;
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

/** Why the schedule runs at this pace, for the sidebar. */
export function paceNote(pace: SchedulePace): string {
  if (pace.everyMinutes === 1) return 'A full sync runs every minute.';
  const seconds = (pace.runMs / 1000).toFixed(1);
  return (
    `A full sync runs ${paceText(pace.everyMinutes)}: on this sheet a run takes ${seconds} s, and running more often would spend ` +
    `more than 60 % of Apps Script's daily trigger time (90 minutes on a personal account). Sheet edits and the webhook still sync at once.`
  );
}
