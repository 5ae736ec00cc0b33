// How long each kind of run waits for a lock another run holds before it leaves its work for the next run: a
// webhook delivery 3 s, an edit 5 s (Trello gives a delivery 30 s; a person's edit should not hang on a long run).
import { syncedWebhookWorld } from './sync-world';

/** A synced world whose script lock another run holds until `release`. */
function busyWorld() {
  const world = syncedWebhookWorld();
  const release = world.gas.holdScriptLock();
  return { world, release };
}

/** Checks that an execution ended without error after waiting `waitSeconds` for the lock, and not a second longer. */
function expectWaited(execution: { error?: unknown; startedAt: number; endedAt: number }, waitSeconds: number): void {
  expect(execution.error).toBeUndefined();
  const seconds = (execution.endedAt - execution.startedAt) / 1000;
  expect(seconds).toBeGreaterThanOrEqual(waitSeconds);
  expect(seconds).toBeLessThan(waitSeconds + 1);
}

describe('a run that finds the lock held', () => {
  it('as a webhook delivery, waits about 3 s, then leaves the card for the next run', () => {
    const { world, release } = busyWorld();
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    const [delivery] = world.deliver();
    expectWaited(delivery, 3);
    expect(world.lead('L1')?.status).toBe('NEW');
    release();
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('COMPLETED');
  });

  it('as a webhook delivery about a card the add-on just wrote, waits about 3 s once, not again, then leaves it for the next run', () => {
    const world = syncedWebhookWorld();
    // The add-on moves L2's card (its echo is still to come), then a person moves the card again.
    expect(world.gas.userEdit('LeadTracker', 'D3', [['LOST']])[0].error).toBeUndefined();
    world.person.moves(world.cardOf('L2')!.id, 'TODO');
    const release = world.gas.holdScriptLock();
    const deliveries = world.deliver();
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    for (const delivery of deliveries) expectWaited(delivery, 3);
    release();
    world.run('syncNow');
    expect(world.lead('L2')?.status).toBe('NEW');
  });

  it('as an edit, waits about 5 s, then leaves the edit for the next run', () => {
    const { world, release } = busyWorld();
    const [edit] = world.gas.userEdit('LeadTracker', 'D3', [['LOST']]);
    expectWaited(edit, 5);
    release();
    world.run('syncNow');
    expect(world.listNameOf(world.cardOf('L2'))).toBe('DONE');
  });
});
