const { resolve } = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: process.env.DATABASE_URL?.startsWith('mysql://') ? 'server:mysql' : 'server:sqlite',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  // Tests import shared from source, so a rule change needs no build before the tests see it.
  moduleNameMapper: { '^@titletrack/shared(/.*)?$': resolve(__dirname, '../shared/src$1') },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  setupFiles: ['<rootDir>/test/support/env.setup.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  testTimeout: 60_000,
};
