// The budget of a scheduled run with nothing changed, checked the same way on a small sheet and at scale.
import { linkedWorld } from './sync-world';

/** Syncs `count` linked leads, then checks that each later scheduled run costs 1 Sheets data call, 1 Trello request and no Properties write. */
export function expectQuietScheduledRuns(count: number): void {
  const world = linkedWorld(count);
  const first = world.run<{ created: number; updatedCards: number }>('onSchedule', {}, { hasUi: false });
  expect(first.returnValue).toMatchObject({ created: 0, updatedCards: 0 });
  const quiet = world.run('onSchedule', {}, { hasUi: false });
  expect(quiet.counters.sheetsDataCalls).toBe(1);
  expect(quiet.counters.urlFetchRequests).toBe(1);
  const again = world.run('onSchedule', {}, { hasUi: false });
  expect(again.counters.propertiesWrites).toBe(0);
  expect(again.counters.sheetsDataCalls).toBe(1);
}
