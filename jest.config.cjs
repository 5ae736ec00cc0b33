// Jest configuration: TypeScript through esbuild (ts-jest does not support TypeScript 7).
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/tools/jest-esbuild-transform.cjs' },
  globalSetup: '<rootDir>/tools/jest-global-setup.cjs',
  coverageProvider: 'v8',
  testTimeout: 60000,
  // Test files run in worker processes that are replaced once they hold much memory: the scenario suites build large
  // emulated worlds, and one long-lived process slows every file that comes after them.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
};
