// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='exit']",
          message:
            'Only src/cli.ts sets the exit code (process.exitCode, from main in src/program.ts); throw a UserError instead.',
        },
      ],
    },
  },
  {
    // The rules (the engine) and the regulation modules are pure: no I/O, no process, no colours (style.md §1, §8).
    files: ['src/rules/**/*.ts', 'src/regulations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/rules/ does no I/O.' },
            {
              group: ['chalk', 'exceljs', 'csv-*', 'commander'],
              message: 'src/rules/ knows nothing of terminals or files.',
            },
            {
              group: [
                '**/io/**',
                '**/report/**',
                '**/commands/**',
                '**/pipeline/**',
                '**/cli*',
                '**/program*',
                '**/config*',
              ],
              message: 'src/rules/ and src/regulations/ must not depend on the outer layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'console'],
    },
  },
  {
    // Plain JavaScript scripts (fixture generators) and this file: no type information.
    files: ['eslint.config.js', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
);
