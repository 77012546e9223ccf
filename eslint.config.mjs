// ESLint for the whole monorepo (flat config). Why these rules and not more:
// docs/decisions/0005-lint-and-format.md.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.nx/**',
      'data/**',
      'test-output/**',
      // Generated code is checked where it is generated from.
      '**/generated/**',
      '**/__generated__/**',
      '**/*.generated.ts',
    ],
  },
  {
    // A disable comment that no longer suppresses anything is an error, so none go stale.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        // Three programs cover every TypeScript file; they resolve the libs from
        // source (tsconfig paths), so linting needs no build first.
        project: ['./tsconfig.json', './apps/web/tsconfig.json', './test/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@nx': nx },
    rules: {
      // Type-aware: a promise nobody awaits or catches loses its error; a promise
      // passed where a plain callback is expected (event handlers, forEach) too.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Unused code, imports included. A leading underscore marks a parameter a
      // signature needs but the body does not (NestJS resolvers, callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
      // Apps never import apps, libs never import apps, the web app never the API.
      // Projects and their tags come from the nx block of each package.json.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // Libraries are pure: no framework, no database, no web server
    // (test/architecture/boundaries.spec.ts checks the finer rules per lib).
    files: ['libs/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'express', 'ws'], message: 'libs are pure: no framework or I/O' },
            { group: ['**/apps/**', '@spiraal/api', '@spiraal/web'], message: 'libs never import apps' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Tests read GraphQL answers as untyped JSON and assert on them; typing each
    // answer would repeat the schema without catching more than the assertions do.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.spec.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Last: turns off the stylistic rules Prettier owns.
  prettier,
);
