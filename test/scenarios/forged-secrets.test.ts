// Forged webhook secrets that look like the real one: same length, one character off. None gets a delivery in.
import { sampleRows, SyncWorld, WEB_APP_URL } from './sync-world';

/** A synced world with its webhook registered; the body of a genuine "L1's card moved to DONE" delivery. */
function worldWithMove() {
  const world = new SyncWorld({ rows: sampleRows(3), webApp: true });
  world.run('syncNow');
  world.registerWebhook();
  const secret = world.settingsStore().get('WEBHOOK_SECRET') ?? '';
  world.person.moves(world.cardOf('L1')!.id, 'DONE');
  const action = world.trello.actionsOn(world.workspace.board.id).find((candidate) => (candidate.data.old as { idList?: string } | undefined)?.idList !== undefined);
  const body = JSON.stringify({ model: { id: world.workspace.board.id }, action });
  const post = (given: string) => world.gas.webApp.handle({ method: 'POST', url: `${WEB_APP_URL}?secret=${encodeURIComponent(given)}`, headers: {}, body });
  return { world, secret, post };
}

describe('a delivery with a forged secret', () => {
  it.each([
    ['of the same length', (secret: string) => 'x'.repeat(secret.length)],
    ['one character off', (secret: string) => secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a')],
    ['with a character more', (secret: string) => `${secret}a`],
  ])('is turned away when the secret is %s', (_, forge) => {
    const { world, secret, post } = worldWithMove();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    post(forge(secret));
    expect(world.lead('L1')?.status).toBe('NEW');
    post(secret);
    expect(world.lead('L1')?.status).toBe('COMPLETED');
  });
});
