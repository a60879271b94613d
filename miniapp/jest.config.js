const { resolve } = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'miniapp',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/__tests__/**/*.spec.ts?(x)'],
  moduleNameMapper: {
    '^@titletrack/shared(/.*)?$': resolve(__dirname, '../shared/src$1'),
    // Components render to static markup in node: Taro's views become DOM elements, styles vanish.
    '^@tarojs/components$': '<rootDir>/src/test/taro-components.mock.tsx',
    '^@tarojs/taro$': '<rootDir>/src/test/taro.mock.ts',
    '\\.(s?css)$': '<rootDir>/src/test/style.mock.ts',
  },
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
