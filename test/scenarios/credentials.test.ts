// A token Trello refuses (read-only, expired, revoked) is a connection problem: one clear message, no row blamed, and
// the sync goes on by itself once a good token is saved.
import { sampleRows, SyncWorld } from './sync-world';

type Summary = { ok: boolean; created: number; errors: string[]; message: string; finished: boolean };
type ActionResult = { ok: boolean; message: string };

/** Every note the add-on left on the lead tab. */
function flagNotes(world: SyncWorld): string[] {
  const notes: string[] = [];
  for (let row = 1; row <= world.leads.lastRow(); row++) {
    for (let column = 1; column <= world.leads.lastColumn(); column++) {
      const { note } = world.leads.cell(row, column);
      if (note) notes.push(note);
    }
  }
  return notes;
}

/** A token of the workspace's member and key with `grant`, saved as TRELLO_TOKEN. */
function useToken(world: SyncWorld, grant: { write?: boolean; expiresAt?: number }): string {
  const { token } = world.trello.issueToken(world.workspace.member.id, world.workspace.key, grant);
  world.settingsStore().set('TRELLO_TOKEN', token);
  return token;
}

describe('a token Trello refuses', () => {
  it('stops the run with one message naming the token, blames no row, and syncs by itself once a good token is saved', () => {
    const world = new SyncWorld({ rows: sampleRows(40) });
    useToken(world, { write: false });
    const refused = world.run<Summary>('syncNow').returnValue as Summary;
    expect(refused.ok).toBe(false);
    expect(refused.errors).toHaveLength(1);
    expect(refused.message).toMatch(/token/i);
    expect(refused.message).toMatch(/sidebar/i);
    expect(world.cards()).toEqual([]);
    expect(flagNotes(world)).toEqual([]);
    // Trello is not asked 40 times for what its first answer already said.
    expect(world.trello.requests.filter((request) => request.status === 401).length).toBeLessThanOrEqual(10);

    world.settingsStore().set('TRELLO_TOKEN', world.workspace.token);
    const recovered = world.run<Summary>('syncNow').returnValue as Summary;
    expect(recovered).toMatchObject({ ok: true, created: 40 });
    expect(world.cards()).toHaveLength(40);
    expect(flagNotes(world)).toEqual([]);
  });

  it('keeps an edit refused for a read-only token, flags no row, and sends it once a good token is saved', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    world.run('syncNow');
    world.run('installTriggers');
    useToken(world, { write: false });
    const [edit] = world.gas.userEdit('LeadTracker', 'D2', [['LOST']]).map((run) => run.returnValue as Summary);
    expect(edit.ok).toBe(false);
    expect(edit.message).toMatch(/read-only/);
    const scheduled = world.run<Summary>('onSchedule', {}, { hasUi: false }).returnValue as Summary;
    expect(scheduled.errors).toHaveLength(1);
    expect(flagNotes(world)).toEqual([]);
    expect(world.listNameOf(world.cardOf('L1'))).toBe('TODO');
    world.settingsStore().set('TRELLO_TOKEN', world.workspace.token);
    world.run('onSchedule', {}, { hasUi: false });
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
    expect(world.lead('L1')?.status).toBe('LOST');
    expect(flagNotes(world)).toEqual([]);
  });

  it('says what to do when the token has expired', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    useToken(world, { expiresAt: world.clock.now() + 120_000 });
    world.run('syncNow');
    world.clock.advance(120_000);
    const expired = world.run<Summary>('onSchedule', {}, { hasUi: false }).returnValue as Summary;
    expect(expired.message).toContain('expired token');
    expect(expired.message).toMatch(/Save a token .* in the sidebar/);
  });

  it('refuses to save a read-only token, saying so', () => {
    const world = new SyncWorld({ connect: false });
    const readOnly = world.trello.issueToken(world.workspace.member.id, world.workspace.key, { write: false });
    world.trello.revokeToken(world.workspace.token);
    const result = world.run<ActionResult>('saveSettings', { key: world.workspace.key, token: readOnly.token }, { hasUi: true }).returnValue as ActionResult;
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/read-only/i);
    expect(world.settingsStore().get('TRELLO_TOKEN')).toBeNull();
    expect(world.trello.requests.every((request) => !request.url.includes(readOnly.token))).toBe(true);
  });

  it('refuses to save a token that expires, saying when', () => {
    const world = new SyncWorld({ connect: false });
    const expiring = world.trello.issueToken(world.workspace.member.id, world.workspace.key, { expiresAt: world.clock.now() + 30 * 86_400_000 });
    world.trello.revokeToken(world.workspace.token);
    const result = world.run<ActionResult>('saveSettings', { key: world.workspace.key, token: expiring.token }, { hasUi: true }).returnValue as ActionResult;
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/expires/i);
    expect(world.settingsStore().get('TRELLO_TOKEN')).toBeNull();
  });

  it('saves a read-and-write token that never expires', () => {
    const world = new SyncWorld({ connect: false });
    const result = world.run<ActionResult>('saveSettings', { key: world.workspace.key, token: world.workspace.token }, { hasUi: true }).returnValue as ActionResult;
    expect(result).toEqual({ ok: true, message: 'Settings saved.' });
    expect(world.trello.requests.every((request) => !request.url.includes(world.workspace.token))).toBe(true);
  });
});
