// Two projects so pure unit tests never pay for database set-up: `unit` has no
// global set-up, `api` migrates one template database per run (PGlite dump or a
// Postgres template database) and gives every test file its own copy.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  // Many tests wait on I/O (SMTP, child processes, timers); two workers keep both cores busy.
  maxWorkers: 2,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/unit'],
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['**/*.test.ts'],
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/api'],
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
