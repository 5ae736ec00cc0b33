// Recording a run's outcome never fails the run: long error lists are capped, and a refused write is only reported.
import { guardedSync } from '../../src/app/run-guard';
import { dismissRecentError, lastSummary, recentErrors, rememberSummary } from '../../src/app/run-record';
import type { SyncSummary } from '../../src/core/sync-summary';
import { fakeServices, VALUE_LIMIT } from './fake-services';

/** A run that Trello refused row by row. */
function refusedRun(rows: number): SyncSummary {
  const errors = Array.from({ length: rows }, (_, n) => `L${n + 1}: 400 invalid value for desc: the description of this lead is not accepted by Trello`);
  return { ok: false, kind: 'full', at: '2026-01-01T00:00:00.000Z', finished: true, created: 0, updatedCards: 0, changedCells: 0, imported: 0, conflicts: 0, flagged: rows, deferred: 0, errors, message: `${rows} change(s) refused by Trello.` };
}

describe('recording a run', () => {
  it('stores the summary and recent errors of a run with 400 refused rows, within the size of a property', () => {
    const { services, properties, logged } = fakeServices();
    rememberSummary(services, refusedRun(400));
    expect(logged).toEqual([]);
    const stored = lastSummary(services);
    expect(stored?.errors.length).toBeLessThanOrEqual(11);
    expect(stored?.errors.at(-1)).toMatch(/and 390 more/);
    expect(recentErrors(services.store).length).toBeGreaterThan(0);
    for (const value of properties.values()) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(VALUE_LIMIT);
  });

  it('reports, never throws, when the status cannot be stored', () => {
    const { services, logged } = fakeServices({ refuseWrites: true });
    expect(() => rememberSummary(services, refusedRun(3))).not.toThrow();
    expect(logged.join('\n')).toContain('could not be stored');
  });

  it('returns the run summary when storing the status fails', () => {
    const { services } = fakeServices({ refuseWrites: true });
    // Not connected: the run fails as a whole, and its summary must still come back.
    const summary = guardedSync(services, { kind: 'full' }, 1000);
    expect(summary.ok).toBe(false);
    expect(summary.message).toContain('not connected');
  });
});

describe('recent errors', () => {
  const run = (kind: SyncSummary['kind'], at: string, errors: string[], completed = true): SyncSummary => ({
    ...refusedRun(0),
    kind,
    at,
    errors,
    ...(completed ? { status: { inSync: errors.length === 0, rowsNeedingAttention: 0, changesWaiting: 0, headline: '', text: '' } } : {}),
  });

  it('are replaced by the errors of a full run that ran to the end: fixed ones leave', () => {
    const { services } = fakeServices();
    rememberSummary(services, run('leads', '2026-01-01T00:00:00.000Z', ['L1: 400 invalid value for name']));
    rememberSummary(services, run('full', '2026-01-01T00:01:00.000Z', ['Trello could not be reached'], false));
    expect(recentErrors(services.store).map((error) => error.message)).toEqual(['Trello could not be reached', 'L1: 400 invalid value for name']);
    rememberSummary(services, run('leads', '2026-01-01T00:02:00.000Z', []));
    expect(recentErrors(services.store)).toHaveLength(2);
    rememberSummary(services, run('full', '2026-01-01T00:03:00.000Z', []));
    expect(recentErrors(services.store)).toEqual([]);
  });

  it('can be dismissed one by one', () => {
    const { services } = fakeServices();
    rememberSummary(services, run('leads', '2026-01-01T00:00:00.000Z', ['L1: 400 invalid value for name', 'L2: 400 invalid value for desc']));
    const [first, second] = recentErrors(services.store);
    expect(dismissRecentError(services.store, first)).toBe(true);
    expect(recentErrors(services.store)).toEqual([second]);
    expect(dismissRecentError(services.store, first)).toBe(false);
  });
});
