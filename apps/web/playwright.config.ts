import { defineConfig } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { acquireBuildLock } from './build-lock.js';

// One temp folder per run, shared by the web server, the global setup and the workers (through the environment).
process.env.LABMIG_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'labmig-e2e-'));
const dir = process.env.LABMIG_E2E_DIR;
// A port per run (from the runner's pid) so that parallel runs on one machine do not collide; workers inherit it.
process.env.LABMIG_E2E_PORT ??= String(20_000 + (process.pid % 20_000));
const port = Number(process.env.LABMIG_E2E_PORT);
const origin = `http://127.0.0.1:${port}`;
// The server runs a private copy of the production build, so a rebuild during the run cannot change it under the
// tests. The copy stays inside apps/web (under .e2e/, removed by the global teardown) because the server bundle
// loads its native modules from node_modules.
const build = join(import.meta.dirname, '.e2e', basename(dir), 'build');
process.env.LABMIG_E2E_BUILD = build;
if (!existsSync(build) && existsSync(join(import.meta.dirname, 'build'))) {
  const release = acquireBuildLock(import.meta.dirname); // never copy a build that is being written
  cpSync(join(import.meta.dirname, 'build'), build, { recursive: true });
  release();
}

/** Debian's Chromium; never a downloaded browser. */
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: Number(process.env.LABMIG_E2E_WORKERS ?? 2),
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  globalSetup: './e2e/global-setup.ts',
  use: { baseURL: origin, locale: 'en-GB', trace: 'off', screenshot: 'off', video: 'off' },
  projects: [
    { name: 'js', use: { ...chromium, javaScriptEnabled: true } },
    { name: 'no-js', use: { ...chromium, javaScriptEnabled: false } },
  ],
  webServer: {
    // LABMIG_E2E_COMMAND only for debugging the harness itself; the suite runs the CLI.
    command: process.env.LABMIG_E2E_COMMAND ?? 'node ../../packages/cli/bin/labmig.js serve',
    url: `${origin}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_PATH: join(dir, 'e2e.sqlite'),
      FILES_DIR: join(dir, 'files'),
      LABMIG_WEB_BUILD: build,
      HOST: '127.0.0.1',
      PORT: String(port),
      // No ORIGIN: the suite runs the README's default (http://HOST:PORT), as `npm start` does on a fresh machine.
      ORIGIN: '',
      LOG_LEVEL: 'warn',
      TZ: 'UTC',
      // Every simulated newcomer of the suite signs up from 127.0.0.1; the per-address limit itself is tested in core.
      SIGNUP_LIMIT_PER_HOUR: '1000',
    },
  },
});
