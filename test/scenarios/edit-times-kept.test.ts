// An edit whose sync did not go through keeps its time for the conflict rule of a later run; a settled one leaves none.
import type { HttpRequest, HttpResponse } from '../../emulator/http';
import { syncedFiveLeads, SyncWorld } from './sync-world';

/** Makes Trello answer 503 to the requests `failing` picks while `edit` runs, and work again after it. */
function whileTrelloFails(world: SyncWorld, failing: (request: HttpRequest) => boolean, edit: () => void): void {
  const handle = world.trello.handle.bind(world.trello);
  world.trello.handle = (request: HttpRequest): HttpResponse => (failing(request) ? { status: 503, headers: {}, body: 'Service Unavailable' } : handle(request));
  try {
    edit();
  } finally {
    world.trello.handle = handle;
  }
}

describe('the time of a status edit', () => {
  it.each([
    ['could not reach Trello at all', () => true],
    ['read the card but could not move it', (request: HttpRequest) => request.method === 'PUT'],
  ])('outlives an edit run that %s, so a newer board move still wins at the next run', (_, failing) => {
    const world = syncedFiveLeads({ triggers: true });
    whileTrelloFails(world, failing, () => {
      const [edit] = world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]);
      expect(edit.error).toBeUndefined();
    });
    expect(world.listNameOf(world.cardOf('L1'))).toBe('TODO');
    expect(world.storedKeys('EDITED_AT:L1#')).not.toEqual([]);
    world.clock.advance(5_000);
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    world.clock.advance(5_000);
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('COMPLETED');
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.storedKeys('EDITED_AT:L1#')).toEqual([]);
  });

  it('is not kept once the edit synced', () => {
    const world = syncedFiveLeads({ triggers: true });
    world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]);
    expect(world.listNameOf(world.cardOf('L1'))).toBe('IN_PROGRESS');
    expect(world.storedKeys('EDITED_AT:L1#')).toEqual([]);
  });
});
