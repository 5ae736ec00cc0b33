// Jest configuration: TypeScript through esbuild (ts-jest does not support TypeScript 7).
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/tools/jest-esbuild-transform.cjs' },
  globalSetup: '<rootDir>/tools/jest-global-setup.cjs',
  coverageProvider: 'v8',
  testTimeout: 60000,
};
