import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', '.tmp/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/ is pure: no transport, no UI, no DOM, no Node I/O.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['socket.io', 'socket.io-client', 'react', 'react-dom', 'react-*', 'zustand', 'better-sqlite3'], message: 'shared/ is pure: no transport, UI or database imports.' },
            { group: ['node:*', 'fs', 'path', 'http', 'net', 'os', 'child_process'], message: 'shared/ is pure: no Node I/O.' },
            { group: ['../server/*', '../../server/*', '../client/*', '../../client/*'], message: 'shared/ depends on nothing else in the repo.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process', 'setTimeout', 'setInterval'],
    },
  },
);
