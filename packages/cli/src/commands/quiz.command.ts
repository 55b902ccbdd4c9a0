import type { CliIo } from '../cli-io.ts';

/** `labmig quiz …`: delegates to the assessment engine's GIFT tools (loaded only when used). */
export async function quizCommand(args: string[], io: CliIo): Promise<number> {
  const { runQuizCli } = await import('@labmig/core/assessment/gift');
  return runQuizCli(args, { stdout: (s) => void io.stdout.write(s), stderr: (s) => void io.stderr.write(s) });
}
