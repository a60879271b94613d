// One lint configuration for every workspace, type-aware (each file is checked with the
// tsconfig of its workspace). `npm test` runs it; `npx eslint . --fix` applies the fixable rules.
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const SOURCES = [
  'shared/src/**/*.{ts,tsx}',
  'server/src/**/*.ts',
  'server/test/**/*.ts',
  'miniapp/src/**/*.{ts,tsx}',
  'miniapp/e2e/**/*.ts',
  'miniapp/weapp-test/**/*.ts',
];
const TESTS = [
  '**/*.spec.{ts,tsx}',
  '**/*.e2e-spec.ts',
  '**/__tests__/**',
  'server/test/**',
  'miniapp/e2e/**',
  'miniapp/weapp-test/**',
  'miniapp/src/test/**',
  '**/*.fixture.ts',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.test-results/**',
      '**/coverage/**',
      'data/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'miniapp/config/**',
      'miniapp/types/**',
    ],
  },
  {
    files: SOURCES,
    extends: [tseslint.configs.recommendedTypeChecked],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      // Values read from SQL rows, JSON bodies and third-party callbacks are checked where they
      // are used (DTOs, zod, the mappers); these rules would demand a cast on every raw row.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [{ pattern: '@titletrack/**', group: 'internal', position: 'before' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'always',
          named: false,
        },
      ],
      'import-x/no-duplicates': 'off',
      'no-console': 'error',
      // Configuration is read once, validated, in server/src/config/env.ts.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through server/src/config/env.ts.',
        },
      ],
    },
  },
  {
    files: ['miniapp/src/**/*.{ts,tsx}'],
    // The two classic rules; the React Compiler diagnostics of the recommended set are for code
    // written for the compiler, which Taro's build does not run.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The documented exceptions: the server's config reader; the mini-app's build-time constants
    // (TARO_APP_* and TARO_ENV, replaced by Taro's build) in its config module and its platform
    // module; tests, which set the variables the config reader then reads.
    files: [
      'server/src/config/env.ts',
      'miniapp/src/config.ts',
      'miniapp/src/utils/platform.ts',
      ...TESTS,
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: TESTS,
    rules: {
      '@typescript-eslint/require-await': 'off',
      // Test doubles reject and throw what the platforms do (Taro's { errMsg } objects).
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      'no-console': 'off',
    },
  },
);
