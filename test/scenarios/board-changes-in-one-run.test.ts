// Several board changes picked up by one run: each lands in its own row's own cell.
import { syncedFiveLeads } from './sync-world';

describe('board changes of neighbouring leads in one run', () => {
  it("writes a rename into one lead's name and the next lead's move into its status, not into its name", () => {
    const world = syncedFiveLeads();
    world.person.renames(world.cardOf('L1')!.id, 'Ada Lovelace');
    world.person.moves(world.cardOf('L2')!.id, 'DONE');
    world.run('syncNow');
    expect(world.lead('L1')).toMatchObject({ name: 'Ada Lovelace', status: 'NEW' });
    expect(world.lead('L2')).toMatchObject({ name: 'Lead 2', status: 'COMPLETED' });
  });

  it('brings a rename made on the board into the sheet without writing the card back', () => {
    const world = syncedFiveLeads();
    world.person.renames(world.cardOf('L3')!.id, 'Lead 3 (board)');
    const before = world.requestCount();
    world.run('syncNow');
    expect(world.lead('L3')?.name).toBe('Lead 3 (board)');
    expect(world.trello.requests.slice(before).filter((request) => request.method !== 'GET')).toEqual([]);
  });
});

describe('a card made on the board', () => {
  it('becomes a new row below everything in the tab, never over a row that holds text only outside the id column', () => {
    const world = syncedFiveLeads();
    world.leads.typeAsUser(8, 7, [['total: 5 leads']]); // a person's note far below the leads, beside the table
    world.person.creates('TODO', 'Made on the board');
    world.run('syncNow');
    const rows = world.sheetValues();
    expect(rows[7][6]).toBe('total: 5 leads');
    expect(rows[7].slice(0, 6)).toEqual(['', '', '', '', '', '']);
    expect(rows[8][1]).toBe('Made on the board');
  });
});
