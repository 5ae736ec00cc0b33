// A scheduled full run and a person's edit overlapping, in every interleaving a range of seeds gives: the edit is
// never lost, and its time still decides a later conflict.
import type { ExecutionResult } from '../../emulator/gas';
import { sampleRows, SyncWorld } from './sync-world';

const SEEDS = Array.from({ length: 24 }, (_, index) => index + 1);
const BUSY = 'Another sync is running; this one is left for the next run.';

/** A synced world (L1…L5, edit trigger installed, no webhook). */
function syncedWorld(): SyncWorld {
  const world = new SyncWorld({ rows: sampleRows(5) });
  world.run('installTriggers');
  world.run('syncNow');
  return world;
}

/**
 * The scheduled full run and a person renaming L1 in the sheet start together; returns whether the edit trigger
 * found the lock held by the full run (and so only recorded the edit's time).
 */
function renameDuringScheduledRun(world: SyncWorld, seed: number): boolean {
  const [[scheduled], edited] = world.gas.concurrently({ seed, startChance: 0.1 }, (batch) => {
    batch.run('onSchedule', undefined, { hasUi: false });
    batch.userEdit('LeadTracker', 'B2', [['Lead 1 renamed']]);
  }) as [[ExecutionResult], ExecutionResult[]];
  const failures = [scheduled, ...edited].filter((execution) => execution.error);
  if (failures.length) throw new Error(failures.map((execution) => execution.error).join('\n'));
  return edited.some((execution) => (execution.returnValue as { message?: string } | null)?.message === BUSY);
}

describe('a person edits while the scheduled full run holds the lock', () => {
  it('gets the edit onto the card by the next run, however the two interleave', () => {
    const outcomes = SEEDS.map((seed) => {
      const world = syncedWorld();
      const busy = renameDuringScheduledRun(world, seed);
      world.run('syncNow');
      return { seed, busy, card: world.cardOf('L1')?.name, sheet: world.lead('L1')?.name };
    });
    expect(outcomes.filter((outcome) => outcome.busy).length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome.card !== 'Lead 1 renamed' || outcome.sheet !== 'Lead 1 renamed')).toEqual([]);
  });

  it('keeps the edit time the edit trigger recorded meanwhile, so a later board change still wins the conflict', () => {
    const outcomes = SEEDS.map((seed) => {
      const world = syncedWorld();
      // An earlier edit that could not sync at once: the full run reads its time, and settles it.
      const release = world.gas.holdScriptLock();
      world.gas.userEdit('LeadTracker', 'D2', [['CONTACTED']]);
      release();
      world.clock.advance(5_000);
      const busy = renameDuringScheduledRun(world, seed);
      world.clock.advance(60_000);
      world.person.renames(world.cardOf('L1')!.id, 'Renamed on the board later');
      world.run('syncNow');
      return { seed, busy, card: world.cardOf('L1')?.name, sheet: world.lead('L1')?.name, status: world.lead('L1')?.status };
    });
    expect(outcomes.filter((outcome) => outcome.busy).length).toBeGreaterThan(0);
    const newest = { card: 'Renamed on the board later', sheet: 'Renamed on the board later', status: 'CONTACTED' };
    expect(outcomes.filter((outcome) => outcome.card !== newest.card || outcome.sheet !== newest.sheet || outcome.status !== newest.status)).toEqual([]);
  });
});
