import type { Clock } from '@labmig/core/app';

/** Where a command reads and writes; tests pass their own to run the CLI in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** All of standard input as text (for `--password-stdin`). */
  readStdin(): Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder from which the repository root is found. */
  readonly cwd: string;
  /** Stops `serve` when aborted (tests); the real CLI stops on SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
  /** Clock for commands that depend on today (demo); the system clock by default. */
  readonly clock?: Clock;
  /** Folder of the SvelteKit production build (default `<repo>/apps/web/build`). */
  readonly webBuildDir?: string;
}

/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The real process's io. Output piped into a program that stops reading (`| head`) ends the process quietly. */
export function processIo(): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
