// Mutation testing only: Jest's Node environment, plus the bail Jest cannot do under Stryker's runner: once a test
// failed with the active mutant (so it is killed), every test after it in that mutant's run is skipped.
const fs = require('node:fs');
const { TestEnvironment } = require('jest-environment-node');
const { ACTIVE_MUTANT_VARIABLE, KILLED_FILE } = require('./stryker-test-names.cjs');

function lastKilled() {
  return fs.existsSync(KILLED_FILE) ? fs.readFileSync(KILLED_FILE, 'utf8') : '';
}

module.exports = class StopAtFirstFailure extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env[ACTIVE_MUTANT_VARIABLE];
    if (mutant === undefined) return;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') fs.writeFileSync(KILLED_FILE, mutant);
    else if (event.name === 'test_start' && lastKilled() === mutant) event.test.mode = 'skip';
  }
};
