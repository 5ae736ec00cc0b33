// Mutation testing only: Jest's test runner, except that a mutant's run starts no further test file once a test failed
// with that mutant (it is killed): Jest's `bail` ends the process, which Stryker's runner cannot allow, and loading a
// scenario file costs as much as its tests.
const TestRunner = require('jest-runner').default;
const { ACTIVE_MUTANT_VARIABLE, isKilled } = require('./stryker-test-names.cjs');

module.exports = class StopAfterKillingTestRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    const mutant = process.env[ACTIVE_MUTANT_VARIABLE];
    if (mutant === undefined || !options.serial) return super.runTests(tests, watcher, options);
    for (const test of tests) {
      if (isKilled(mutant)) return;
      await super.runTests([test], watcher, options);
    }
  }
};
