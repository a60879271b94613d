const { resolve } = require('node:path');

// The built weapp (dist/weapp) rendered by WeChat's own offline component tester. Needs
// `npm run build:weapp` first; CI builds it before `npm test`.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'weapp (simulator)',
  rootDir: resolve(__dirname, '..'),
  roots: ['<rootDir>/weapp-test'],
  testMatch: ['**/*.spec.ts'],
  testEnvironment: '<rootDir>/weapp-test/jsdom-environment.js',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/weapp-test/tsconfig.json' }] },
  testTimeout: 30_000,
  // The simulator's globals stay usable by timers that fire while a test file is torn down.
  testEnvironmentOptions: { globalsCleanup: 'off' },
};
