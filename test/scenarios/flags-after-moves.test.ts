// A run whose rows or columns moved under it (a person sorted the sheet or inserted a column while it talked to
// Trello) never leaves a flag on a cell that was not flagged: the flag waits for the next run.
import { FLAG_PREFIX } from '../../src/core/row-problem';
import { sampleRows, SyncWorld } from './sync-world';

/** Every add-on note on the lead tab, as [id of the row, header of the column]. */
function flaggedCells(world: SyncWorld): [string, string][] {
  const [header, ...rows] = world.sheetValues();
  return rows.flatMap((cells, r) =>
    header.flatMap((name, c) => (world.leads.cell(r + 2, c + 1).note.startsWith(FLAG_PREFIX) ? [[String(cells[header.indexOf('id')]), String(name)] as [string, string]] : [])),
  );
}

it.each([
  ['a sort (L9 moves up to row 2)', (world: SyncWorld) => world.leads.sortAsUser(2, false, 1)],
  ['a column inserted before the leads', (world: SyncWorld) => world.leads.insertColumnsAsUser(1, 1)],
  ['a column inserted between name and email (id and name stay put)', (world: SyncWorld) => world.leads.insertColumnsAsUser(3, 1)],
])('%s during the run leaves no flag on the wrong cell, and the next run flags the right one', (_, change) => {
  const world = worldWithUnknownStatus();
  changeDuringFirstWrite(world, () => change(world));
  world.run('syncNow');
  expect(flaggedCells(world).filter(([id, column]) => id !== 'L9' || column !== 'status')).toEqual([]);
  world.run('syncNow');
  expect(flaggedCells(world)).toEqual([['L9', 'status']]);
});

it('leaves no flag on an empty row when the flagged lead’s row, the last one, is deleted during the run', () => {
  const world = worldWithUnknownStatus();
  changeDuringFirstWrite(world, () => world.leads.deleteRowsAsUser(6, 1));
  world.run('syncNow');
  const notes = [2, 3, 4, 5, 6, 7].flatMap((row) => [1, 2, 3, 4, 5, 6].map((column) => world.leads.cell(row, column).note)).filter(Boolean);
  expect(notes).toEqual([]);
});

/** Four leads and L9, whose status no list maps to (row 6). */
function worldWithUnknownStatus(): SyncWorld {
  return new SyncWorld({ rows: [...sampleRows(4), ['L9', 'Nine', 'n@example.com', 'MAYBE', 'Web', '']] });
}

/** Runs `change` once, when the run sends its first Trello write. */
function changeDuringFirstWrite(world: SyncWorld, change: () => void): void {
  const handle = world.trello.handle.bind(world.trello);
  let changed = false;
  world.trello.handle = (request) => {
    if (!changed && request.method !== 'GET') {
      changed = true;
      change();
    }
    return handle(request);
  };
}
