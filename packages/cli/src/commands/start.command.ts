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

/** The outcome of a web build: its exit code and everything it printed (stdout and stderr, interleaved). */
export interface BuildResult {
  readonly code: number;
  readonly output: string;
}

/**
 * Runs a build without showing its log: prints "Building the web app… done in N s" on success. The log of a
 * successful build (pages of Vite and Svelte warnings) stays hidden; a failed build's log is printed in full on
 * stderr, so the error is visible. Returns whether the build succeeded.
 */
export async function buildQuietly(
  io: CliIo,
  build: () => Promise<BuildResult>,
  now: () => number = () => performance.now(),
): Promise<boolean> {
  io.stdout.write('Building the web app… ');
  const started = now();
  const result = await build();
  const seconds = Math.max(1, Math.round((now() - started) / 1000));
  if (result.code === 0) {
    io.stdout.write(`done in ${seconds} s\n`);
    return true;
  }
  io.stdout.write(`failed after ${seconds} s\n`);
  io.stderr.write(
    result.output.endsWith('\n') || result.output === '' ? result.output : result.output + '\n',
  );
  io.stderr.write(`labmig start: the web build failed (exit code ${result.code}); its log is above.\n`);
  return false;
}

/**
 * `labmig start` (what `npm start` runs): builds the web app if needed (quietly, see `buildQuietly`), then serves
 * it; the last line it prints is the campus URL.
 */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
  const root = findRepoRoot(io.cwd);
  if (needsBuild(root, webBuildDir(io))) {
    const built = await buildQuietly(io, () => run('npm', ['run', 'build', '-w', 'apps/web'], root, io));
    if (!built) return 1;
  }
  return serveCommand(args, io);
}

function run(command: string, args: string[], cwd: string, io: CliIo): Promise<BuildResult> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...io.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error) => resolve({ code: 127, output: `${output}${command}: ${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
