import root, { webBoundaries } from '../../eslint.config.js';

// The web app's lint config: the project's, plus what the web layer needs.
export default [
  { ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'test-results/', 'playwright-report/'] },
  ...root,
  {
    files: ['**/*.svelte'],
    rules: {
      // Links go through paraglide's localizeHref (adds the /fr prefix); SvelteKit's resolve() knows no locales.
      'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }],
      // DOM lib types such as AutoFill are TypeScript globals; svelte-check type-checks them.
      'no-undef': 'off',
    },
  },
  {
    files: ['e2e/**/*.ts'],
    // Playwright fixtures must destructure their first argument, even when they use no other fixture.
    rules: { 'no-empty-pattern': 'off' },
  },
  // web → core (its feature doors) → db: see the root config.
  ...webBoundaries(''),
];
