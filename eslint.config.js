import { builtinModules } from 'node:module';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      '**/build/',
      'packages/stats/dist/',
      '**/.svelte-kit/',
      'data/',
      'apps/web/src/lib/paraglide/',
      '**/fixtures/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The engine and the charts depend on nothing of ours (docs/ARCHITECTURE.md): anyone may import them.
    files: ['packages/stats/**/*.ts', 'packages/charts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@labmig/*'],
              message: 'packages/stats and packages/charts must not import other labmig packages.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine runs in Node, workers and browsers: Node built-ins only in its Node entry (src/node.ts, src/node/)
    // and its command line (src/cli/).
    files: ['packages/stats/src/**/*.ts'],
    ignores: [
      'packages/stats/src/node.ts',
      'packages/stats/src/node/**',
      'packages/stats/src/cli/**',
      'packages/stats/src/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@labmig/*'], message: 'packages/stats must not import other labmig packages.' },
            {
              group: ['node:*'],
              message: 'Node-only code belongs in packages/stats/src/node.ts, src/node/ or src/cli/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the Node entry points may use Node built-ins, so the rest runs in a browser or a worker.
    files: ['packages/charts/src/**/*.ts'],
    ignores: ['packages/charts/src/node.ts', 'packages/charts/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@labmig/*'], message: 'packages/charts must not import other labmig packages.' },
            {
              group: ['node:*', '@resvg/*'],
              message: 'Node-only code belongs in packages/charts/src/node.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine runs in the browser's Web Worker too (the Lab's "keep my microdata on my computer"): Node built-ins
    // only in its Node entry points (file reading, the CLI) and tests.
    files: ['packages/stats/src/**/*.ts'],
    ignores: [
      'packages/stats/src/node.ts',
      'packages/stats/src/node/**',
      'packages/stats/src/cli/**',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@labmig/*'], message: 'packages/stats must not import other labmig packages.' },
            {
              group: ['node:*', ...builtinModules],
              message:
                'Node-only code belongs in packages/stats/src/node.ts (or src/cli/): the engine runs in a browser worker.',
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
