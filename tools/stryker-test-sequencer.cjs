// Mutation testing only: a Jest test sequencer that, for a mutant run (Stryker names the covering tests in
// `testNamePattern`), keeps only the test files that hold one of them. Jest would otherwise load and set up every
// test file for every mutant — seconds each time — only to skip their tests.
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;
const { NAMES_FILE } = require('./stryker-test-names.cjs');

/** Test names by file, as the first run recorded them (tools/stryker-record-tests.cjs); empty before it. */
function recordedNames() {
  const byFile = new Map();
  if (!fs.existsSync(NAMES_FILE)) return byFile;
  for (const line of fs.readFileSync(NAMES_FILE, 'utf8').split('\n')) {
    if (!line) continue;
    const { file, names } = JSON.parse(line);
    byFile.set(file, [...(byFile.get(file) ?? []), ...names]);
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
    const byFile = recordedNames();
    const wanted = new RegExp(this.pattern, 'i');
    // A file the first run did not record is kept: only files known to hold no covering test are left out.
    return sorted.filter((test) => !byFile.has(test.path) || byFile.get(test.path).some((name) => wanted.test(name)));
  }
};
