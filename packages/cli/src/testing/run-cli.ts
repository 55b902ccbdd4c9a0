import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '@labmig/core/app';
import { main } from '../main.ts';
import type { CliIo } from '../cli-io.ts';

/** The outcome of one in-process CLI run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temporary workspace for CLI tests: its own SQLite file and content folder. */
export interface CliSandbox {
  readonly dir: string;
  readonly env: Record<string, string>;
  run(
    args: string[],
    options?: {
      stdin?: string;
      clock?: Clock;
      signal?: AbortSignal;
      webBuildDir?: string;
      env?: Record<string, string>;
    },
  ): Promise<CliRun>;
  cleanup(): void;
}

/** Creates a sandbox: DATABASE_PATH and CONTENT_DIR point into a fresh temp folder; logs are silent. */
export function createCliSandbox(): CliSandbox {
  const dir = mkdtempSync(path.join(tmpdir(), 'labmig-cli-'));
  const env = {
    DATABASE_PATH: path.join(dir, 'labmig.sqlite'),
    CONTENT_DIR: path.join(dir, 'content'),
    FILES_DIR: path.join(dir, 'files'),
    LOG_LEVEL: 'silent',
  };
  return {
    dir,
    env,
    async run(args, options = {}) {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        readStdin: async () => options.stdin ?? '',
        env: { ...env, ...options.env },
        cwd: dir,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.webBuildDir ? { webBuildDir: options.webBuildDir } : {}),
      };
      const code = await main(args, io);
      return { code, stdout, stderr };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
