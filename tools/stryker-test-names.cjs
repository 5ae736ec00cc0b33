// Mutation testing only: what Stryker's test runs share — a file in its sandbox (new for every Stryker run) written by the
// first run, and, within one test runner process, the last mutant a test failed with.
const path = require('node:path');

// Stryker loads the test environment from the project while Jest loads the runner from the sandbox: two copies of this
// module, so the killed mutant is kept on the process's global object, which both see.
const LAST_KILLED = Symbol.for('sheets-trello-sync.stryker.lastKilledMutant');

module.exports = {
  /** One JSON line `{file, names, ms}` per test file, written by the first run (no mutant active). */
  NAMES_FILE: path.join(__dirname, '..', '.stryker-test-names.jsonl'),
  /** Notes that a test failed with this mutant active: it is killed, and its run need not go on. */
  markKilled(mutant) {
    globalThis[LAST_KILLED] = mutant;
  },
  /** Whether a test failed with this mutant active. */
  isKilled(mutant) {
    return globalThis[LAST_KILLED] === mutant;
  },
  /** Set by Stryker's runner while a mutant is active. */
  ACTIVE_MUTANT_VARIABLE: '__STRYKER_ACTIVE_MUTANT__',
  /** The global through which mutated code reads the active mutant and records its coverage. */
  MUTATION_GLOBAL: '__stryker__',
};
