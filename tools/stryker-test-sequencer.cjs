// Mutation testing only: a Jest test sequencer that, for a mutant run (Stryker names the covering tests in
// `testNamePattern`), keeps only the test files that hold one of them, quickest first. Jest would otherwise load and
// set up every test file for every mutant — seconds each time — only to skip their tests; and as a mutant's run stops
// at its first failing file, the quick unit tests that kill most mutants go before the scenarios.
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;
const { NAMES_FILE } = require('./stryker-test-names.cjs');

/** Test names and time taken by file, as the first run recorded them (tools/stryker-record-tests.cjs); empty before it. */
function recordedFiles() {
  const byFile = new Map();
  if (!fs.existsSync(NAMES_FILE)) return byFile;
  for (const line of fs.readFileSync(NAMES_FILE, 'utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line);
    byFile.set(entry.file, entry);
  }
  return byFile;
}

module.exports = class CoveringFilesFirst extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    if (!this.pattern) return sorted;
    const byFile = recordedFiles();
    const wanted = new RegExp(this.pattern, 'i');
    const msOf = (test) => byFile.get(test.path)?.ms ?? Number.MAX_SAFE_INTEGER;
    // A file the first run did not record is kept: only files known to hold no covering test are left out.
    return sorted
      .filter((test) => !byFile.has(test.path) || byFile.get(test.path).names.some((name) => wanted.test(name)))
      .sort((a, b) => msOf(a) - msOf(b));
  }
};
