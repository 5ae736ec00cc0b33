// How long each kind of run waits for a lock another run holds before it leaves its work for the next run: a
// webhook delivery 3 s, an edit 5 s (Trello gives a delivery 30 s; a person's edit should not hang on a long run).
import { sampleRows, SyncWorld } from './sync-world';

/** A synced world with the edit trigger and the webhook, L1 moved on the board, and the script lock held elsewhere. */
function busyWorld() {
  const world = new SyncWorld({ rows: sampleRows(3), webApp: true });
  world.run('installTriggers');
  world.registerWebhook();
  world.run('syncNow');
  world.deliver();
  const release = world.gas.holdScriptLock();
  return { world, release };
}

const seconds = (execution: { startedAt: number; endedAt: number }) => (execution.endedAt - execution.startedAt) / 1000;

describe('a run that finds the lock held', () => {
  it('as a webhook delivery, waits about 3 s, then leaves the card for the next run', () => {
    const { world, release } = busyWorld();
    world.person.moves(world.cardOf('L1')!.id, 'DONE');
    const [delivery] = world.deliver();
    expect(delivery.error).toBeUndefined();
    expect(seconds(delivery)).toBeGreaterThanOrEqual(3);
    expect(seconds(delivery)).toBeLessThan(4);
    expect(world.lead('L1')?.status).toBe('NEW');
    release();
    world.run('syncNow');
    expect(world.lead('L1')?.status).toBe('COMPLETED');
  });

  it('as a webhook delivery about a card the add-on just wrote, waits about 3 s once, not again, then leaves it for the next run', () => {
    const world = new SyncWorld({ rows: sampleRows(3), webApp: true });
    world.run('installTriggers');
    world.registerWebhook();
    world.run('syncNow');
    world.deliver();
    // The add-on moves L2's card (its echo is still to come), then a person moves the card again.
    expect(world.gas.userEdit('LeadTracker', 'D3', [['LOST']])[0].error).toBeUndefined();
    world.person.moves(world.cardOf('L2')!.id, 'TODO');
    const release = world.gas.holdScriptLock();
    const deliveries = world.deliver();
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    for (const delivery of deliveries) {
      expect(delivery.error).toBeUndefined();
      expect(seconds(delivery)).toBeGreaterThanOrEqual(3);
      expect(seconds(delivery)).toBeLessThan(4);
    }
    release();
    world.run('syncNow');
    expect(world.lead('L2')?.status).toBe('NEW');
  });

  it('as an edit, waits about 5 s, then leaves the edit for the next run', () => {
    const { world, release } = busyWorld();
    const [edit] = world.gas.userEdit('LeadTracker', 'D3', [['LOST']]);
    expect(edit.error).toBeUndefined();
    expect(seconds(edit)).toBeGreaterThanOrEqual(5);
    expect(seconds(edit)).toBeLessThan(6);
    release();
    world.run('syncNow');
    expect(world.listNameOf(world.cardOf('L2'))).toBe('DONE');
  });
});
