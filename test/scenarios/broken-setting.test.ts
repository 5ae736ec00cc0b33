// A setting typed by hand into the properties that cannot be read: runs fail with a readable message, never a throw.
import { sampleRows, SyncWorld } from './sync-world';

describe('a status mapping set by hand that cannot be read', () => {
  it('makes Sync now answer with a message that names the problem, and nothing is synced', () => {
    const world = new SyncWorld({ rows: sampleRows(2) });
    world.settingsStore().set('STATUS_MAPPING', '{not json');
    const run = world.gas.run<{ ok: boolean; message: string }>('syncNow');
    expect(run.error).toBeUndefined();
    expect(run.returnValue?.ok).toBe(false);
    expect(run.returnValue?.message).toMatch(/mapping/i);
    expect(run.returnValue?.message).not.toContain(world.workspace.token);
    expect(world.cards()).toHaveLength(0);
  });
});
