// Mutation testing only: what Stryker's test runs share — a file in its sandbox (new for every Stryker run) written by the
// first run, and, within one test runner process, the last mutant a test failed with.
const path = require('node:path');

/** Jest loads its environment and runner with Node's own `require`, so both see this one module. */
let lastKilledMutant;

module.exports = {
  /** One JSON line `{file, names, ms}` per test file, written by the first run (no mutant active). */
  NAMES_FILE: path.join(__dirname, '..', '.stryker-test-names.jsonl'),
  /** Notes that a test failed with this mutant active: it is killed, and its run need not go on. */
  markKilled(mutant) {
    lastKilledMutant = mutant;
  },
  /** Whether a test failed with this mutant active. */
  isKilled(mutant) {
    return lastKilledMutant === mutant;
  },
  /** Set by Stryker's runner while a mutant is active. */
  ACTIVE_MUTANT_VARIABLE: '__STRYKER_ACTIVE_MUTANT__',
  /** The global through which mutated code reads the active mutant and records its coverage. */
  MUTATION_GLOBAL: '__stryker__',
};
