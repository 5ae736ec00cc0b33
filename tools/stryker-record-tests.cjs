// Mutation testing only: during Stryker's first run (no mutant active), records the full name of every test of this
// file and how long the file took, so that tools/stryker-test-sequencer.cjs can start only the files that hold a
// mutant's covering tests, quickest first.
const fs = require('node:fs');
const { ACTIVE_MUTANT_VARIABLE, NAMES_FILE } = require('./stryker-test-names.cjs');

if (process.env[ACTIVE_MUTANT_VARIABLE] === undefined) {
  const names = [];
  const startedAt = Date.now();
  beforeEach(() => {
    names.push(expect.getState().currentTestName);
  });
  afterAll(() => {
    fs.appendFileSync(NAMES_FILE, `${JSON.stringify({ file: expect.getState().testPath, names, ms: Date.now() - startedAt })}\n`);
  });
}
