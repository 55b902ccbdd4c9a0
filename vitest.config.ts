import { defineConfig } from 'vitest/config';

// One Vitest run covers every package; each package is a project so it can be run alone
// (`npx vitest run --project stats`). Browser tests live in apps/web/e2e and run with Playwright.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'stats',
          root: './packages/stats',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'charts',
          root: './packages/charts',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'db',
          root: './packages/db',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'core',
          root: './packages/core',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'cli',
          root: './packages/cli',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'web-unit', root: './apps/web', include: ['src/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'scripts', root: './scripts', include: ['*.test.js'] } },
      // Checks about the repository as a whole (the dependency rule of eslint.config.js).
      { test: { name: 'repo', root: '.', include: ['scripts/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
});
