// The summary a person reads after a run: what it did, the first row it flagged, where the sync stands, why it stopped.
import type { ApplyOutcome } from '../../src/app/apply-plan';
import { failedSummary, summarize } from '../../src/app/run-summary';
import type { WritebackReport } from '../../src/app/sheet-writeback';

const AT = Date.UTC(2026, 0, 5, 12);
const QUIET = { flaggedRows: 0, waitingEdits: 0, waitingDeliveries: 0 };
const NOT_STOPPED = { quotaAnswer: undefined, outOfTime: false };

function outcome(changes: Partial<ApplyOutcome> = {}): ApplyOutcome {
  return { baseRecords: [], sheet: { cells: [], appended: [], problems: [] }, log: [], settledLeadIds: new Set(), created: 0, updatedCards: 0, imported: 0, conflicts: 0, deferred: 0, refused: [], cardUpdates: [], ...changes };
}

function written(changes: Partial<WritebackReport> = {}): WritebackReport {
  return { flagLines: [], flagged: 0, dropped: 0, changedCells: 0, ...changes };
}

describe('summarize', () => {
  it('says what the run did, in order, and that everything is in sync', () => {
    const summary = summarize('full', AT, outcome({ created: 2, updatedCards: 1, imported: 3, conflicts: 1 }), written({ changedCells: 4 }), NOT_STOPPED, QUIET);
    expect(summary.message).toBe('2 card(s) created, 1 card(s) updated, 4 cell(s) updated, 3 lead(s) added from Trello, 1 conflict(s) resolved. Everything is in sync.');
    expect(summary).toMatchObject({ ok: true, kind: 'full', at: '2026-01-05T12:00:00.000Z', finished: true, created: 2, updatedCards: 1, changedCells: 4, imported: 3, conflicts: 1, deferred: 0, errors: [] });
    expect(summary).not.toHaveProperty('outOfTime');
  });

  it('leaves out what the run did not do', () => {
    expect(summarize('leads', AT, outcome({ updatedCards: 1 }), written(), NOT_STOPPED, QUIET).message).toBe('1 card(s) updated. Everything is in sync.');
    expect(summarize('cards', AT, outcome(), written({ changedCells: 1 }), NOT_STOPPED, QUIET).message).toBe('1 cell(s) updated. Everything is in sync.');
    expect(summarize('full', AT, outcome(), written(), NOT_STOPPED, QUIET).message).toBe('Everything is in sync.');
  });

  it('quotes the first flag and counts the others', () => {
    const flagLines = [1, 2, 3].map((n) => ({ direction: 'info' as const, leadId: `L${n}`, message: `Row ${n + 1}: the status is blank.` }));
    const one = summarize('full', AT, outcome(), written({ flagLines: flagLines.slice(0, 1), flagged: 1 }), NOT_STOPPED, { ...QUIET, flaggedRows: 1 });
    expect(one.message).toBe('Row 2: the status is blank. 1 row(s) need attention and are not synced: see the notes on the sheet.');
    const three = summarize('full', AT, outcome(), written({ flagLines, flagged: 3 }), NOT_STOPPED, { ...QUIET, flaggedRows: 3 });
    expect(three.message).toBe('Row 2: the status is blank. (and 2 more row(s) flagged) 3 row(s) need attention and are not synced: see the notes on the sheet.');
    expect(three.flagged).toBe(3);
  });

  it('counts the changes left for the next run, those Trello did not answer and those whose row moved away', () => {
    const summary = summarize('full', AT, outcome({ deferred: 2 }), written({ dropped: 1 }), NOT_STOPPED, QUIET);
    expect(summary.deferred).toBe(3);
    expect(summary.finished).toBe(false);
  });

  it('says why it stopped early and when the rest goes on: a quota answer, or the run out of time', () => {
    const quota = summarize('full', AT, outcome({ deferred: 1 }), written(), { quotaAnswer: 'Trello asked to slow down.', outOfTime: true }, QUIET);
    expect(quota.message).toMatch(/ Stopped early: Trello asked to slow down\. The rest waits for the quota to reset\.$/);
    expect(quota).not.toHaveProperty('outOfTime');
    const late = summarize('full', AT, outcome({ deferred: 1 }), written(), { quotaAnswer: undefined, outOfTime: true }, QUIET);
    expect(late.message).toMatch(/ Out of time for this run: the rest goes on at the next run\.$/);
    expect(late.outOfTime).toBe(true);
  });

  it('lists the changes Trello refused as errors', () => {
    const summary = summarize('full', AT, outcome({ refused: ['L1: invalid value for idList'] }), written(), NOT_STOPPED, QUIET);
    expect(summary.ok).toBe(false);
    expect(summary.errors).toEqual(['L1: invalid value for idList']);
  });

  it('puts a refused token before everything, as the message and the first error', () => {
    const summary = summarize('full', AT, outcome({ tokenRefused: 'invalid token', refused: ['L1: invalid value for idList'], created: 1 }), written(), { quotaAnswer: 'slow down', outOfTime: false }, QUIET);
    expect(summary.ok).toBe(false);
    expect(summary.message).toMatch(/^Trello refused the token \(invalid token\): /);
    expect(summary.message).not.toMatch(/card\(s\) created|Stopped early/);
    expect(summary.errors).toEqual([expect.stringMatching(/^Trello refused the token \(invalid token\): /), 'L1: invalid value for idList']);
  });
});

describe('failedSummary', () => {
  it('reports a run that did nothing, with its one error as the message', () => {
    expect(failedSummary('leads', AT, 'The sheet is gone.')).toEqual({
      ok: false,
      kind: 'leads',
      at: '2026-01-05T12:00:00.000Z',
      finished: false,
      created: 0,
      updatedCards: 0,
      changedCells: 0,
      imported: 0,
      conflicts: 0,
      flagged: 0,
      deferred: 0,
      errors: ['The sheet is gone.'],
      message: 'The sheet is gone.',
    });
  });
});
