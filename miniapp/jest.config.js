const { resolve } = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'miniapp',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/__tests__/**/*.spec.ts?(x)'],
  moduleNameMapper: { '^@titletrack/shared(/.*)?$': resolve(__dirname, '../shared/src$1') },
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
