// The scheduled run's pace: every minute while a day of quiet runs fits in 60 % of the daily trigger time (90 minutes
// on a personal account, 6 hours on Google Workspace), less often beyond; what a day of it costs.
import { accountKind, dailyTriggerMs, nextPace, paceChangeMessage, paceFor, paceNote, parsePace, remeasured, scheduleReport } from '../../src/core/schedule-pace';

describe('schedule pace', () => {
  it('keeps every minute while 1,440 quiet runs fit in 54 minutes, then the next interval that fits', () => {
    expect(paceFor(2_250)).toBe(1); // 1,440 × 2.25 s = 54 min
    expect(paceFor(2_251)).toBe(5);
    expect(paceFor(6_400)).toBe(5); // 288 × 6.4 s ≈ 31 min
    expect(paceFor(12_000)).toBe(10); // 288 × 12 s > 54 min
    expect(paceFor(100_000)).toBe(60);
  });

  it('gives a Google Workspace account four times the room (6 hours a day)', () => {
    expect(paceFor(9_000, 'workspace')).toBe(1); // 1,440 × 9 s = 216 min = 60 % of 6 h
    expect(paceFor(9_001, 'workspace')).toBe(5);
    expect(accountKind('Workspace ')).toBe('workspace');
    expect(accountKind('')).toBe('personal');
    expect(accountKind(undefined)).toBe('personal');
    expect(accountKind('enterprise')).toBe('personal');
  });

  it('lengthens when two quiet runs in a row call for it, shortens only with room to spare', () => {
    expect(nextPace(1, 6_400, 'personal', 6_000)).toBe(5);
    expect(nextPace(1, 6_400, 'personal', 0)).toBe(1); // the first measure alone moves nothing
    expect(nextPace(1, 6_400, 'personal', 1_000)).toBe(1); // one slow run after a fast one
    expect(nextPace(1, 12_000, 'personal', 6_400)).toBe(5); // the faster of the two decides
    expect(nextPace(5, 1_800)).toBe(5); // fits every minute, but only just
    expect(nextPace(5, 1_000)).toBe(1);
    expect(nextPace(10, 6_000)).toBe(5);
    expect(nextPace(1, 6_400, 'workspace')).toBe(1);
  });

  it('shortens on the first measure alone when runs that much longer would still fit', () => {
    expect(nextPace(5, 1_000, 'personal', 0)).toBe(1);
    expect(nextPace(5, 2_000, 'personal', 0)).toBe(5);
  });

  it('remembers a quiet run the first time, when its duration moved by more than a quarter, or when it calls for another pace', () => {
    expect(remeasured({ everyMinutes: 1, runMs: 0 }, 1_000)).toBe(true);
    expect(remeasured({ everyMinutes: 1, runMs: 1_000 }, 1_250)).toBe(false);
    expect(remeasured({ everyMinutes: 1, runMs: 1_000 }, 760)).toBe(false);
    expect(remeasured({ everyMinutes: 1, runMs: 1_000 }, 1_251)).toBe(true);
    expect(remeasured({ everyMinutes: 1, runMs: 2_000 }, 2_400)).toBe(true); // 2.4 s calls for every 5 minutes
    expect(remeasured({ everyMinutes: 1, runMs: 2_000 }, 2_400, 'workspace')).toBe(false);
  });

  it('reads what it stored and falls back to every minute', () => {
    expect(parsePace('{"everyMinutes":5,"runMs":6400}')).toEqual({ everyMinutes: 5, runMs: 6400 });
    expect(parsePace('{"everyMinutes":7}')).toEqual({ everyMinutes: 1, runMs: 0 });
    expect(parsePace('not json')).toEqual({ everyMinutes: 1, runMs: 0 });
    expect(parsePace(undefined)).toEqual({ everyMinutes: 1, runMs: 0 });
  });

  it('estimates the daily trigger time from the measured run', () => {
    expect(dailyTriggerMs({ everyMinutes: 1, runMs: 1_750 })).toBe(2_520_000); // 42 min
    expect(dailyTriggerMs({ everyMinutes: 5, runMs: 6_400 })).toBe(1_843_200);
    expect(scheduleReport({ everyMinutes: 5, runMs: 6_400 }, 'workspace')).toEqual({ everyMinutes: 5, quietRunMs: 6_400, dailyTriggerMs: 1_843_200, dailyLimitMs: 21_600_000 });
  });

  it('explains the pace and what a day of it costs', () => {
    expect(paceNote({ everyMinutes: 1, runMs: 0 })).toBe('A full sync runs every minute.');
    expect(paceNote({ everyMinutes: 1, runMs: 1_750 })).toBe(
      "A full sync runs every minute; on this sheet a run takes 1.8 s: the schedule uses about 42 minutes a day (47 % of Apps Script's daily trigger time, 90 minutes on a personal account).",
    );
    expect(paceNote({ everyMinutes: 5, runMs: 6_400 })).toContain('A full sync runs every 5 minutes: on this sheet a run takes 6.4 s');
    expect(paceNote({ everyMinutes: 5, runMs: 6_400 })).toContain('The schedule uses about 31 minutes a day (34 %');
    expect(paceNote({ everyMinutes: 60, runMs: 0 })).toBe('A full sync runs every hour.');
    expect(paceNote({ everyMinutes: 5, runMs: 6_400 })).toBe(
      "A full sync runs every 5 minutes: on this sheet a run takes 6.4 s, and running more often would spend more than 60 % of Apps Script's daily trigger time. " +
        "The schedule uses about 31 minutes a day (34 % of Apps Script's daily trigger time, 90 minutes on a personal account). Sheet edits and the webhook still sync at once.",
    );
    expect(paceNote({ everyMinutes: 1, runMs: 6_400 }, 'workspace')).toContain('about 154 minutes a day (43 % of Apps Script\'s daily trigger time, 6 hours on a Google Workspace account)');
  });

  it('says in the Sync Log why the pace changed', () => {
    expect(paceChangeMessage(1, { everyMinutes: 5, runMs: 3_000 })).toBe(
      'The scheduled sync now runs every 5 minutes (was every minute): a quiet run takes 3.0 s; every minute would spend 72 minutes a day of the ' +
        'daily trigger time (90 minutes on a personal account), more than the 60 % the schedule may use. Sheet edits and the webhook still sync at once.',
    );
    expect(paceChangeMessage(5, { everyMinutes: 1, runMs: 1_000 })).toBe(
      "The scheduled sync now runs every minute (was every 5 minutes): a quiet run takes 1.0 s, and the schedule uses about 24 minutes a day (27 % of Apps Script's daily trigger time, 90 minutes on a personal account).",
    );
  });
});
