#!/usr/bin/env node
// `npm test`: every test of the project. First what npm cannot install (Chromium, readstat): installed with apt when
// this runs as root, else the run stops at once with the command to run (system-deps.js). Then static checks
// (types, lint, formatting), unit and DB tests (Vitest, every package; PostgreSQL too when DATABASE_URL_TEST is
// set), then the production build of the web app and the browser tests (Playwright, JS on and off). Prints one
// closing line with the totals and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSystemDeps } from './system-deps.js';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'labmig-test-'));
const env = { ...process.env, TZ: 'UTC' };
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`=== ${label} failed (exit ${r.status ?? r.signal})`);
    ok = false;
  }
  return r.status === 0;
}

// System packages first: without them the browser tests would fail one by one, minutes later.
const problem = ensureSystemDeps();
if (problem) {
  console.error(`\n${problem}`);
  process.exit(1);
}

// Static checks: types (tsc for the packages, svelte-check for the web app), lint and formatting.
for (const [label, cmd, args] of [
  ['type check (packages)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['type check (web)', 'npm', ['run', 'check', '-w', 'apps/web']],
  ['lint', 'npx', ['eslint', '.']],
  ['formatting', 'npx', ['prettier', '--check', '.']],
]) {
  if (run(label, cmd, args)) totals.passed += 1;
  else totals.failed += 1;
}

// Vitest: count from its JSON report.
const vitestJson = join(out, 'vitest.json');
run('unit and DB tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
} else ok = false;

// Browser tests against the production build.
if (run('web build', 'npm', ['run', 'build', '-w', 'apps/web'])) {
  const pwJson = join(out, 'playwright.json');
  run('browser tests', 'npm', ['run', 'e2e', '-w', 'apps/web', '--', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
    totals.passed += s.expected + (s.flaky ?? 0);
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
  } else ok = false;
}

if (totals.passed === 0) ok = false;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
