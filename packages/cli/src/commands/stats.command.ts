import type { CliIo } from '../cli-io.ts';

/** `labmig stats …`: delegates to the statistics engine's CLI (loaded only when used). */
export async function statsCommand(args: string[], io: CliIo): Promise<number> {
  const { runStatsCli } = await import('@labmig/stats/cli');
  return runStatsCli(args, { stdout: io.stdout, stderr: io.stderr } as Parameters<typeof runStatsCli>[1]);
}
