import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const WEB_NO_DB = {
  group: ['@labmig/db', '@labmig/db/*'],
  message:
    'The web app reaches the database only through core (its feature doors, e.g. @labmig/core/learning).',
};
const WEB_NO_CLI = { group: ['@labmig/cli', '@labmig/cli/*'], message: 'The web app does not use the CLI.' };

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
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The dependency rule (docs/ARCHITECTURE.md): apps/web → packages/core (through its feature doors) →
  // packages/db; packages/stats depends on nothing of ours. scripts/boundaries.test.ts proves each rule fires.
  ...webBoundaries('apps/web/'),
  boundary('packages/core/**/*.{js,ts}', [
    {
      group: ['@labmig/web', '@labmig/web/*', '@labmig/cli', '@labmig/cli/*'],
      message: 'Core knows no edge.',
    },
  ]),
  boundary('packages/db/**/*.{js,ts}', [
    {
      group: [
        '@labmig/core',
        '@labmig/core/*',
        '@labmig/stats',
        '@labmig/stats/*',
        '@labmig/cli',
        '@labmig/cli/*',
      ],
      message: 'The database package depends on nothing of ours.',
    },
  ]),
  boundary('packages/{stats,charts}/**/*.{js,ts}', [
    {
      group: ['@labmig/*', '@labmig/*/*'],
      message:
        'The statistics engine and the charts depend on nothing of ours (they run in a worker and the browser).',
    },
  ]),
  // After the boundaries: for these files this rule replaces theirs (and repeats their @labmig/* ban).
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
);

/**
 * The web app's side of the dependency rule, for files under `base` (apps/web/eslint.config.js, which ESLint
 * uses for files of the web app, adds it with its own base).
 */
export function webBoundaries(base) {
  return [
    boundary(`${base}**/*.{js,ts,svelte}`, [WEB_NO_DB, WEB_NO_CLI]),
    boundary(
      `${base}src/**/*.{js,ts,svelte}`,
      [
        WEB_NO_DB,
        WEB_NO_CLI,
        { group: ['@labmig/core/testing'], message: 'The testing door is for tests and seeds, not the app.' },
      ],
      [`${base}src/**/*.test.ts`],
    ),
  ];
}

/** One dependency rule: files matching `files` (minus `ignores`) may not import `patterns`. */
function boundary(files, patterns, ignores = []) {
  return { files: [files], ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}
