import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ipcOnly = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'ipcMain/ipcRenderer belong in electron/ipc/ and electron/preload.ts only.',
};

/**
 * Lint also guards the process boundaries: what runs in the renderer cannot reach Node or
 * Electron, shared code stays pure, and raw IPC lives in one place.
 */
export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'tests/.tmp/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'build/**/*.{ts,js,mjs}',
      'tests/unit/**/*.ts',
      'tests/e2e/**/*.ts',
      '.ci/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.ts'],
    // main.ts only hands ipcMain to electron/ipc/register.ts, which owns every handle() call.
    ignores: ['electron/ipc/**', 'electron/preload.ts', 'electron/main.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ipcOnly] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main through window.rapport only.',
            },
            { name: 'electron-store', message: 'Storage lives in the main process.' },
            { name: 'conf', message: 'Storage lives in the main process.' },
            { name: 'docx', message: 'Documents are built in the main process.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a sandbox without Node.' },
            {
              group: ['**/electron/**', '../electron', '../../electron'],
              message: 'Import from shared/ instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|zod/|\\.{1,2}/).*',
              message: 'shared/ may import only zod and itself.',
            },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ may import only zod and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
