// Mutation testing only: the file in Stryker's sandbox where its first run records the test names of each test file.
const path = require('node:path');

/** One JSON line `{file, names}` per test file; the sandbox is new for every Stryker run, and so is the file. */
module.exports = { NAMES_FILE: path.join(__dirname, '..', '.stryker-test-names.jsonl') };
