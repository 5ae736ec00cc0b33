// Runs that die, lose answers or hit Trello's limits converge: no duplicate card, no lost edit.
import { sampleRows, SyncWorld } from './sync-world';

type Summary = { created: number; finished: boolean; deferred: number; ok: boolean };

describe('interrupted and throttled runs', () => {
  it('leaves exactly one card when a create was applied but its answer was lost', () => {
    const world = new SyncWorld({ rows: sampleRows(5) });
    world.trello.faults.loseNextWriteResponses = 2;
    const first = world.run<Summary>('syncNow');
    expect(first.returnValue?.deferred).toBe(2);
    expect(world.cards()).toHaveLength(5); // applied on Trello, answers lost for two of them
    world.run('syncNow');
    expect(world.cards()).toHaveLength(5);
    for (let n = 1; n <= 5; n++) expect(world.cardOf(`L${n}`)?.name).toBe(`Lead ${n}`);
    expect(new Set(world.cards().map((card) => card.id)).size).toBe(5);
  });

  it('counts every URL of its /1/batch reads against the token: 300 archived cards are looked up without a 429', () => {
    const world = new SyncWorld({ rows: sampleRows(300) });
    world.run('syncNow');
    for (const card of world.cards('open')) world.trello.personArchivesCard({ memberId: world.workspace.member.id, cardId: card.id });
    world.clock.advance(60_000);
    const before = world.trello.requests.length;
    world.run('syncNow'); // each linked card is missing from the open cards: looked up 10 per batch
    const sent = world.trello.requests.slice(before);
    expect(sent.filter((request) => request.url.includes('/batch')).length).toBeGreaterThanOrEqual(30);
    expect(sent.filter((request) => request.status === 429)).toEqual([]);
    expect(world.spreadsheet.sheet('Sync Log')!.values().filter((line) => String(line[3]).startsWith('The card was archived on Trello'))).toHaveLength(300);
  });

  it('heeds Trello\'s x-rate-limit-api-token-remaining when another client spends the same token', () => {
    const world = new SyncWorld({ rows: sampleRows(80) });
    const { key, token, board } = world.workspace;
    const elsewhere = { authorization: `OAuth oauth_consumer_key="${key}", oauth_token="${token}"` };
    for (let i = 0; i < 60; i++) world.trello.handle({ method: 'GET', url: `https://api.trello.com/1/boards/${board.id}`, headers: elsewhere, body: '' });
    const before = world.trello.requests.length;
    world.run('syncNow');
    expect(world.cards()).toHaveLength(80);
    expect(world.trello.requests.slice(before).filter((request) => request.status === 429)).toEqual([]);
  });

  it('recovers from 5xx and 429 bursts with no duplicate', () => {
    const world = new SyncWorld({ rows: sampleRows(30) });
    world.trello.faults.failNext5xx = 4;
    world.run('syncNow');
    world.trello.faults.failNext429 = 6;
    world.leads.typeAsUser(2, 4, [['LOST']]);
    world.run('syncNow');
    world.run('syncNow');
    expect(world.cards()).toHaveLength(30);
    for (let n = 1; n <= 30; n++) expect(world.cardOf(`L${n}`)).toBeDefined();
    expect(world.listNameOf(world.cardOf('L1'))).toBe('DONE');
  });

  it('converges with no duplicate when a run dies between creating cards and writing their ids back', () => {
    // A 60-second limit the add-on does not know about: the run dies inside its second group of creations.
    const world = new SyncWorld({ rows: sampleRows(40), executionLimitMs: 60_000 });
    world.trello.faults.latencyMs = 25_000;
    const dying = world.gas.run('syncNow');
    expect(dying.error).toContain('Exceeded maximum execution time');
    expect(world.cards().length).toBeGreaterThan(0);
    expect(world.lead('L1')?.trello_card_id).toBe('');
    world.trello.faults.latencyMs = 200;
    world.run('syncNow');
    expect(world.cards()).toHaveLength(40);
    for (let n = 1; n <= 40; n++) expect(world.cardOf(`L${n}`)?.name).toBe(`Lead ${n}`);
    expect(world.run<Summary>('syncNow').returnValue).toMatchObject({ created: 0 });
  });
});
