// The browser suite (`npm run test:browser`): journeys in Chromium against the
// real service in a child process. Its own config so `npm test` never needs a
// browser. One file at a time: each file runs a server, an SMTP sink and a
// Chromium, and the machine's two cores are shared with the database.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'browser',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/browser'],
  transform: { '^.+\\.ts$': tsJest },
  testMatch: ['**/*.test.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/tests/browser/support/global-setup.ts',
};
