// Mutation testing only: Jest's Node environment, plus two things Stryker's runner does not do for this suite. During
// the first run, code run outside a test (a file's imports, `beforeAll`/`afterAll` hooks) counts as covered by every test
// of that file, not as "static" coverage — a static mutant runs every test of every file. During a mutant's run, once a
// test failed (so the mutant is killed), every test after it is skipped: the bail Jest cannot do under Stryker.
const { TestEnvironment } = require('jest-environment-node');
const { ACTIVE_MUTANT_VARIABLE, MUTATION_GLOBAL, isKilled, markKilled } = require('./stryker-test-names.cjs');

/** The name Stryker's runner gives a test: its describe blocks' names and its own, space-separated. */
function fullName(test) {
  return `${blockName(test.parent)} ${test.name}`.trimStart();
}

function blockName(block) {
  return block.parent ? `${blockName(block.parent)} ${block.name}`.trimStart() : '';
}

function testsOf(block) {
  return block.children.flatMap((child) => (child.type === 'test' ? [child] : testsOf(child)));
}

module.exports = class MutationTestingEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.fileCoverageId = `file outside its tests: ${context.testPath}`;
  }

  async handleTestEvent(event, state) {
    const mutant = process.env[ACTIVE_MUTANT_VARIABLE];
    if (mutant === undefined) this.recordFileCoverage(event, state);
    else if (event.name === 'test_fn_failure' || event.name === 'hook_failure') markKilled(mutant);
    else if (event.name === 'test_start' && isKilled(mutant)) event.test.mode = 'skip';
  }

  /** Runs before Stryker's own handler, which names the current test at `test_start` and clears it at `test_done`. */
  recordFileCoverage(event, state) {
    const stryker = this.global[MUTATION_GLOBAL];
    if (stryker === undefined) return;
    const outsideTests = event.name === 'setup' || (event.name === 'hook_start' && /All$/.test(event.hook.type));
    if (outsideTests) stryker.currentTestId = this.fileCoverageId;
    else if (event.name === 'hook_success' || event.name === 'hook_failure') {
      if (stryker.currentTestId === this.fileCoverageId) stryker.currentTestId = undefined;
    } else if (event.name === 'run_finish') this.shareFileCoverage(stryker, state);
  }

  shareFileCoverage(stryker, state) {
    const perTest = stryker.mutantCoverage?.perTest;
    const fileCoverage = perTest?.[this.fileCoverageId];
    if (fileCoverage === undefined) return;
    delete perTest[this.fileCoverageId];
    stryker.currentTestId = undefined;
    for (const test of testsOf(state.rootDescribeBlock)) {
      const coverage = (perTest[fullName(test)] ??= {});
      for (const [mutantId, hits] of Object.entries(fileCoverage)) coverage[mutantId] = (coverage[mutantId] ?? 0) + hits;
    }
  }
};
