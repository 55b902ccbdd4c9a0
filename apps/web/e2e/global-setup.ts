import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Seeds the fresh temp SQLite database the web server uses (the server has already migrated it on start):
 * content import, users and cohorts, through core. Runs once before the tests; the returned teardown removes the
 * temp folder and the server's copy of the build (set LABMIG_E2E_KEEP=1 to keep them for debugging).
 */
export default function globalSetup(): () => void {
  const dir = process.env.LABMIG_E2E_DIR;
  if (!dir) throw new Error('LABMIG_E2E_DIR is not set (playwright.config.ts sets it)');
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'seed.ts')], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      DATABASE_PATH: join(dir, 'e2e.sqlite'),
      FILES_DIR: join(dir, 'files'),
      LOG_LEVEL: 'warn',
    },
    stdio: 'inherit',
  });
  return () => {
    if (process.env.LABMIG_E2E_KEEP) return;
    rmSync(dir, { recursive: true, force: true });
    if (process.env.LABMIG_E2E_BUILD)
      rmSync(dirname(process.env.LABMIG_E2E_BUILD), { recursive: true, force: true });
  };
}
