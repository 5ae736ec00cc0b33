// Model-based convergence test: random sequences of sheet edits, board changes, late/duplicate/lost webhooks, Trello
// faults, killed executions, a held lock and overlapping runs, against the built bundle in both emulators; once all is
// quiet, the sheet and the board must agree with each other and with a simple reference model.
import { test } from '@fast-check/jest';
import { converge } from './convergence/converge';
import { ConvergenceDriver } from './convergence/convergence-driver';
import { brokenRules } from './convergence/invariants';
import { scenario } from './convergence/steps';

/** `npm run soak` sets SOAK_RUNS; replay a failure with MODEL_SEED and MODEL_PATH from its report. */
const RUNS = Number(process.env.SOAK_RUNS ?? 300);
const SEED = Number(process.env.MODEL_SEED ?? 42);
const PATH = process.env.MODEL_PATH;
/** While hunting bugs: stop (and report the smallest counterexample so far) after this long. */
const TIME_LIMIT_MS = process.env.MODEL_TIME_LIMIT_MS ? Number(process.env.MODEL_TIME_LIMIT_MS) : undefined;

describe('convergence of sheet and board (model-based)', () => {
  test.prop([scenario], { numRuns: RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}), ...(TIME_LIMIT_MS ? { skipAllAfterTimeLimit: TIME_LIMIT_MS } : {}) })(
    'after any mix of edits, board changes, webhooks, faults and overlapping runs, both sides agree once quiet',
    (steps) => {
      const broken = converge(steps);
      if (broken.length > 0) throw new Error(`did not converge:\n${broken.join('\n')}`);
    },
    RUNS * 2_000,
  );

  it('fails on a world that did not converge (a card moved while nothing syncs)', () => {
    const driver = new ConvergenceDriver();
    driver.play([{ do: 'moveCard', card: 0, list: 'DONE' }]);
    const settled = driver.settle();
    // Undo the sync of the move in the sheet behind the add-on's back: the rules must notice.
    const statusCell = driver.world.leads.values()[0].indexOf('status') + 1;
    driver.tab.storeContents(2, statusCell, [[{ value: 'NEW', formula: '' }]]);
    expect(brokenRules(driver, settled).join('\n')).toMatch(/status NEW but the card is in/);
  });
});
