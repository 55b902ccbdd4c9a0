import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@labmig/core/app';
import type { CliIo } from '../cli-io.ts';
import { serveCommand, webBuildDir } from './serve.command.ts';

/** What the web build is made from: when any of these is newer than the build, `start` rebuilds. */
export const BUILD_INPUTS = [
  'apps/web/src',
  'apps/web/static',
  'apps/web/messages',
  'apps/web/svelte.config.js',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/core/src',
  'packages/db/src',
];

/** Newest modification time (ms) of a file or of any file below a folder (node_modules skipped); 0 if absent. */
export function newestMtime(file: string): number {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(file)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

/** True when `<buildDir>/handler.js` is missing or older than any build input under `root`. */
export function needsBuild(root: string, buildDir: string): boolean {
  const built = newestMtime(path.join(buildDir, 'handler.js'));
  if (built === 0) return true;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > built);
}

/** `labmig start` (what `npm start` runs): builds the web app if needed, then serves it. */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
  const root = findRepoRoot(io.cwd);
  if (needsBuild(root, webBuildDir(io))) {
    io.stdout.write('Building the web app (npm run build -w apps/web)…\n');
    const code = await run('npm', ['run', 'build', '-w', 'apps/web'], root, io);
    if (code !== 0) {
      io.stderr.write(`labmig start: the web build failed (exit code ${code}).\n`);
      return 1;
    }
  }
  return serveCommand(args, io);
}

function run(command: string, args: string[], cwd: string, io: CliIo): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...io.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => io.stdout.write(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => io.stderr.write(chunk.toString('utf8')));
    child.on('error', (error) => {
      io.stderr.write(`${command}: ${error.message}\n`);
      resolve(127);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}
