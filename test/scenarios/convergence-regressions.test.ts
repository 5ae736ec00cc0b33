// Counterexamples the model-based convergence test found, each replayed as a fixed sequence against the built bundle.
import { converge } from './convergence/converge';
import type { Step } from './convergence/steps';

/** Shrunk counterexamples the property found, each kept as it was printed (MODEL_SEED and MODEL_PATH in the comment). */
describe('convergence regressions found by the model', () => {
  it('a name typed while a webhook run that renames the lead from the board is between its read and its write is not overwritten (seed 1)', () => {
    // The delivery of the board rename runs, a person types "Fay" into the same cell while that run talks to Trello,
    // and the run then wrote the board's older name over it: the newer edit was lost with no conflict logged.
    const steps: Step[] = [
      { do: 'archiveCard', card: 0 },
      { do: 'renameCard', card: 0, name: 'Ada' },
      {
        do: 'together',
        seed: 1518951215,
        startChance: 0.1,
        steps: [
          { do: 'deliver', order: 'reversed', twice: false, dropEvery: 0, seed: 0 },
          { do: 'editName', row: 10, name: 'Fay' },
        ],
      },
      {
        do: 'together',
        seed: 0,
        startChance: 0.1,
        steps: [
          { do: 'sortRows', by: 'id', ascending: false },
          { do: 'insertRows', at: 0, count: 1 },
        ],
      },
    ];
    expect(converge(steps)).toEqual([]);
  });

  it('a card adopted with no base, renamed on the board after its run died, is a logged conflict, not silently renamed back (seed 1)', () => {
    // The edit trigger of the new lead dies at once, Sync now dies after creating the card (before writing its id
    // back), a person renames the card; the next run adopted the card as if only the sheet could have changed.
    const steps: Step[] = [
      { do: 'killNextExecution', atCall: 1 },
      { do: 'killNextExecution', atCall: 24 },
      { do: 'addLead', name: 'Ada', status: 'NEW' },
      { do: 'syncNow' },
      { do: 'renameCard', card: 59, name: 'Dee' },
      { do: 'deliver', order: 'asQueued', twice: false, dropEvery: 0, seed: 0 },
    ];
    expect(converge(steps)).toEqual([]);
  });

  it('a status typed back to its synced value after the card moved is the newer change, not "no change" (seed 7)', () => {
    // QUALIFIED → MAYBE (a bad row, not synced), the card moves to TODO, then a paste sets QUALIFIED again while Sync
    // now runs: the value equals the base, so the run took the older board move and made the lead NEW.
    const steps: Step[] = [
      { do: 'editStatus', row: 47, status: 'MAYBE' },
      { do: 'moveCard', card: 53, list: 'TODO' },
      {
        do: 'together',
        seed: 0,
        startChance: 0.6,
        steps: [
          { do: 'syncNow' },
          {
            do: 'paste',
            row: 23,
            rows: [
              { name: 'Fay', status: 'QUALIFIED' },
              { name: 'Dee', status: 'QUALIFIED' },
            ],
          },
        ],
      },
      { do: 'releaseLock' },
    ];
    expect(converge(steps)).toEqual([]);
  });
});
