// Mutation testing only: files in Stryker's sandbox (new for every Stryker run) through which its test runs share facts.
const path = require('node:path');

module.exports = {
  /** One JSON line `{file, names, ms}` per test file, written by the first run (no mutant active). */
  NAMES_FILE: path.join(__dirname, '..', '.stryker-test-names.jsonl'),
  /** The id of the last mutant a test failed with. */
  KILLED_FILE: path.join(__dirname, '..', '.stryker-killed-mutant'),
  /** Set by Stryker's runner while a mutant is active. */
  ACTIVE_MUTANT_VARIABLE: '__STRYKER_ACTIVE_MUTANT__',
};
