// The IMAP suite (issue 12): against a real Dovecot that each test file starts
// on a loopback port (tests/imap/support/dovecot.ts), so it needs Debian's
// dovecot-imapd, which .ci/run installs when missing. `npm test` does not run
// it; `npm run test:imap` does, on PGlite or, with TEST_DATABASE_URL, on a
// Postgres server, with the same database set-up as the api suite.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testTimeout: 90000,
  maxWorkers: 2,
  displayName: 'imap',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/imap'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
};
