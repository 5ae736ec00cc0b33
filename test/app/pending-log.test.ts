// Sync Log lines of partial runs wait in one property: past its size, other lines give way before conflicts, and
// the full run is told how many were dropped.
import { forgetPendingLog, pendingLog, queueLog } from '../../src/app/pending-log';
import type { TimedLogLine } from '../../src/adapters/sheet-sync-log';
import { fakeServices, VALUE_LIMIT } from './fake-services';

const line = (n: number, direction: TimedLogLine['direction']): TimedLogLine => ({ direction, leadId: `L${n}`, message: `Moved the card of lead number ${n} to IN_PROGRESS (status CONTACTED).`, at: 1000 + n });

describe('pending Sync Log lines', () => {
  it('keeps conflicts over other lines, counts what it drops, and stays within a property', () => {
    const { services, properties } = fakeServices();
    for (let n = 0; n < 200; n++) queueLog(services, services.store.getAll(), [line(n, n % 10 === 0 ? 'conflict' : 'sheet → Trello')]);
    for (const value of properties.values()) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(VALUE_LIMIT);
    const waiting = pendingLog(services.store.getAll());
    expect(waiting.filter((kept) => kept.direction === 'conflict')).toHaveLength(20);
    const [trace, ...kept] = waiting;
    expect(trace.message).toMatch(new RegExp(`^${200 - kept.length} earlier Sync Log line\\(s\\)`));
    expect(trace.at).toBe(1001);
    forgetPendingLog(services, services.store.getAll());
    expect(pendingLog(services.store.getAll())).toEqual([]);
  });
});
