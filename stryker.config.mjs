// Mutation testing (`npm run mutate`): Stryker mutates the sync product's sources and runs the Jest suites that reach
// them, the scenario tests included (they run the bundle built from the mutated sources inside the GAS emulator).

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // The pure sync core, and the files of the app and its adapters through which every change to a lead passes: the run
  // and its summary, applying its plan, writing back to the sheet, talking to Trello, taking webhook deliveries and
  // keeping secrets out of messages.
  mutate: [
    'src/core/**/*.ts',
    'src/app/sync-run.ts',
    'src/app/run-summary.ts',
    'src/app/apply-plan.ts',
    'src/app/webhook-receiver.ts',
    'src/app/webhook-secret.ts',
    'src/app/error-message.ts',
    'src/app/sheet-writeback.ts',
    'src/adapters/trello-client.ts',
  ],
  // The bundle is built once per sandbox, from the mutated sources; every mutant is switched on at run time through
  // the `__stryker__` global, which the emulator passes into each script realm (emulator/gas/script-realm.ts).
  buildCommand: 'npm run build',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.cjs',
    // Jest's related-tests search follows imports, and the scenario tests reach the sources through the bundle.
    enableFindRelatedTests: false,
    config: {
      // Emulator, build-shape and browser tests never reach the product's logic through a mutant. Left out as too slow
      // per surviving mutant: the soaks (the simulated day, whose per-run costs budgets.test.ts checks, and the random
      // sequences of the model, whose counterexamples convergence-regressions.test.ts replays), the imports and cost
      // checks at thousands of leads (budgets.test.ts checks the same calls per run on a small sheet, the Trello client's
      // unit tests its stop at the time budget, resilience.test.ts its retries) and the webhook sent over real sockets
      // between processes (the webhook scenarios run the same doPost in process).
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/emulator/',
        '<rootDir>/test/build/',
        '<rootDir>/test/playground/',
        '<rootDir>/test/scenarios/simulated-day.test.ts',
        '<rootDir>/test/scenarios/convergence.model.test.ts',
        '<rootDir>/test/scenarios/scale-runs.test.ts',
        '<rootDir>/test/scenarios/scale-budgets.test.ts',
        '<rootDir>/test/scenarios/write-buffering.test.ts',
        '<rootDir>/test/scenarios/webhook-over-http.test.ts',
      ],
      // A mutant's run starts only the test files that hold its covering tests, as the first run recorded them,
      // quickest first, and skips the rest once one failed (Stryker's runner turns Jest's bail off).
      setupFilesAfterEnv: ['<rootDir>/tools/stryker-record-tests.cjs'],
      testSequencer: '<rootDir>/tools/stryker-test-sequencer.cjs',
      runner: '<rootDir>/tools/stryker-jest-runner.cjs',
      // A path from the project root: Stryker loads the environment itself, before Jest resolves `<rootDir>`.
      testEnvironment: './tools/stryker-environment.cjs',
    },
  },
  // Which tests cover which mutant, recorded through the realm as well, so a mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // A re-run tests only the mutants whose code or covering tests changed since the last run's file.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  ignorePatterns: ['dist', 'reports', 'coverage', 'docs', 'bench', '.playground'],
  // Stryker rewrites the tsconfig's paths for its sandbox with TypeScript's JavaScript API, which TypeScript 7 does not
  // have; no tsconfig here points outside the project, so a name that matches no file turns the rewrite off.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  // The test runner frees memory after a test file once its heap grew much (tools/stryker-jest-runner.cjs): V8 otherwise
  // lets a long-lived runner's heap grow to gigabytes of garbage, and every test file after that runs slower.
  testRunnerNodeArgs: ['--expose-gc'],
  // Two test runners, one per core of a small machine (each holds well under 2 GB).
  concurrency: 2,
  timeoutMS: 10000,
  // The first run (every test, recording coverage) takes minutes on two shared cores.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
};
