// Mutation testing only: Jest's test runner, run one test file at a time in Stryker's long-lived process, so that
// - a mutant's run starts no further test file once a test failed with that mutant (it is killed): Jest's `bail` ends
//   the process, which Stryker's runner cannot allow, and loading a scenario file costs as much as its tests;
// - the AsyncLocalStorage that Jest's test framework makes for each test file is switched off once the file is done.
//   Node keeps every enabled one and visits them all at each promise made, so without this every test file run in the
//   process makes every later one slower (a mutant's run took seconds after a few hundred files);
// - memory is freed after a test file once the heap has grown by 200 MB since it was last freed (with `--expose-gc`):
//   V8 otherwise lets the heap of this long-lived process grow to gigabytes, and allocating in it grows slower with
//   every file. The measure is the growth, not the size: a process whose live data is over 200 MB would otherwise
//   collect everything after every file, about a second each time.
const asyncHooks = require('node:async_hooks');
const TestRunner = require('jest-runner').default;
const { ACTIVE_MUTANT_VARIABLE, isKilled } = require('./stryker-test-names.cjs');

const storagesOfCurrentFile = [];
const GC_AFTER_GROWTH_BYTES = 200 * 1024 * 1024;
let heapAfterLastGc = 0;
const NodeAsyncLocalStorage = asyncHooks.AsyncLocalStorage;
asyncHooks.AsyncLocalStorage = class TrackedAsyncLocalStorage extends NodeAsyncLocalStorage {
  constructor(...args) {
    super(...args);
    storagesOfCurrentFile.push(this);
  }
};

module.exports = class OneFileAtATimeTestRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    if (!options.serial) return super.runTests(tests, watcher, options);
    const mutant = process.env[ACTIVE_MUTANT_VARIABLE];
    for (const test of tests) {
      if (mutant !== undefined && isKilled(mutant)) return;
      await super.runTests([test], watcher, options);
      for (const storage of storagesOfCurrentFile.splice(0)) storage.disable();
      if (global.gc && process.memoryUsage().heapUsed > heapAfterLastGc + GC_AFTER_GROWTH_BYTES) {
        global.gc();
        heapAfterLastGc = process.memoryUsage().heapUsed;
      }
    }
  }
};
