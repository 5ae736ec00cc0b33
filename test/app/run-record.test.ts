// Recording a run's outcome never fails the run: long error lists are capped, and a refused write is only reported.
import type { Services } from '../../src/adapters/gas-services';
import { guardedSync } from '../../src/app/run-guard';
import { lastSummary, recentErrors, rememberSummary } from '../../src/app/run-record';
import type { SyncSummary } from '../../src/core/sync-summary';

/** Apps Script's limit on one property value. */
const VALUE_LIMIT = 9 * 1024;

/** Properties and cache as Apps Script keeps them, with its size limit; `refuseWrites` makes every write throw. */
function fakeServices(options: { refuseWrites?: boolean } = {}) {
  const properties = new Map<string, string>();
  const cache = new Map<string, string>();
  const logged: string[] = [];
  const services = {
    store: {
      get: (key: string) => properties.get(key) ?? null,
      getAll: () => Object.fromEntries(properties),
      set(entries: Record<string, string>) {
        if (options.refuseWrites) throw new Error('Service invoked too many times: properties');
        for (const value of Object.values(entries)) if (Buffer.byteLength(value) > VALUE_LIMIT) throw new Error('Argument too large: value');
        for (const [key, value] of Object.entries(entries)) properties.set(key, value);
      },
      delete: (keys: string[]) => keys.forEach((key) => properties.delete(key)),
    },
    cache: {
      get: (key: string) => cache.get(key) ?? null,
      put(key: string, value: string) {
        if (Buffer.byteLength(value) > 100 * 1024) throw new Error('Argument too large: value');
        cache.set(key, value);
      },
    },
    lock: { tryLock: () => true, release: () => undefined },
    clock: { now: () => Date.UTC(2026, 0, 1), sleep: () => undefined },
    log: { error: (message: string) => logged.push(message) },
  } as unknown as Services;
  return { services, properties, logged };
}

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
    expect(recentErrors(services).length).toBeGreaterThan(0);
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
