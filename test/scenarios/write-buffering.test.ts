// SpreadsheetApp buffers its writes and the advanced Sheets service does not see them before a flush: the add-on's
// writes through both still land, run by run.
import { sampleRows, SyncWorld } from './sync-world';

type Summary = { created: number; finished: boolean };

/** Lines the add-on logs when a Sheets call was refused (the run guard reports any failure of a run this way). */
function refusals(logs: string[]): string[] {
  return logs.filter((line) => /failed|exceeds grid limits|API call to/i.test(line));
}

describe('write buffering between SpreadsheetApp and the Sheets API', () => {
  it('a first sync of 1,500 leads writes back every card it creates in the run that creates it', () => {
    const world = new SyncWorld({ rows: sampleRows(1500) });
    // Slow answers spread the import over several runs, each stopping cleanly before the time limit.
    world.trello.faults.latencyMs = 2_000;
    let linked = 0;
    let runs = 0;
    for (; runs < 10 && linked < 1500; runs++) {
      const result = world.gas.run<Summary>('syncNow');
      expect(result.error).toBeUndefined();
      expect(refusals(result.logs)).toEqual([]);
      const cardIds = world.sheetValues().slice(1).map((row) => String(row[5])).filter(Boolean);
      // Every card on the board is linked from its lead's row as soon as the run that made it ends.
      expect(cardIds).toHaveLength(world.cards().length);
      expect(result.returnValue?.created).toBe(cardIds.length - linked);
      linked = cardIds.length;
    }
    expect(linked).toBe(1500);
    expect(runs).toBeGreaterThan(1);
    for (const n of [1, 1000, 1500]) expect(world.cardOf(`L${n}`)?.name).toBe(`Lead ${n}`);
    expect(world.spreadsheet.sheet('Trello Sync Base')?.values()).toHaveLength(1501);
  });
});
