// Scheduled runs at scale, on the built bundle: a lean quiet run, the schedule fitted to the daily trigger time, and
// a long first import at Trello's rate-limit floor. Cost is counted from the emulators' counters, never timed.
import { linkedWorld } from './sync-world';

describe('a quiet scheduled run at 10,000 leads', () => {
  it('costs 1 Sheets data call, exactly 1 Trello request and at most 2.5 MB from Trello', () => {
    const world = linkedWorld(10_000);
    world.run('onSchedule', {}, { hasUi: false });
    world.clock.advance(60_000);
    const requestsBefore = world.requestCount();
    const quiet = world.run<{ created: number; updatedCards: number; changedCells: number }>('onSchedule', {}, { hasUi: false });
    expect(quiet.returnValue).toMatchObject({ created: 0, updatedCards: 0, changedCells: 0 });
    expect(quiet.counters.sheetsDataCalls).toBeLessThanOrEqual(1);
    expect(world.requestCount() - requestsBefore).toBe(1);
    expect(quiet.counters.urlFetchRequests).toBe(1);
    expect(quiet.counters.urlFetchBytesReceived).toBeLessThanOrEqual(2_500_000);
  });
});
