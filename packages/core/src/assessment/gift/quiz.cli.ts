import { GiftSyntaxError } from './gift.errors.ts';
import { parseGift } from './gift.parser.ts';
import type { Question } from './gift.types.ts';

/** Where the CLI writes and how it reads files (injected so tests run without a disk). */
export interface QuizCliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readFile?: (path: string) => Promise<string>;
}

const USAGE = `usage:
  labmig quiz check FILE.gift...      validate GIFT files and list their questions
  labmig quiz parse FILE.gift --json  print the parsed questions as JSON
`;

async function readWith(io: QuizCliIo, path: string): Promise<string> {
  if (io.readFile) return io.readFile(path);
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}

/** Reads and parses one file; reports a problem on stderr and returns undefined on failure. */
async function load(io: QuizCliIo, path: string): Promise<Question[] | undefined> {
  let source: string;
  try {
    source = await readWith(io, path);
  } catch (error) {
    io.stderr(
      `${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`,
    );
    return undefined;
  }
  try {
    return parseGift(source);
  } catch (error) {
    if (!(error instanceof GiftSyntaxError)) throw error;
    io.stderr(`${path}:${error.line}:${error.column}: ${error.reason} [${error.code}]\n`);
    return undefined;
  }
}

function summarise(path: string, questions: readonly Question[]): string {
  const counts = new Map<string, number>();
  for (const q of questions) counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
  const categories = new Set(questions.map((q) => q.category));
  const lines = questions.map(
    (q) =>
      `  ${String(q.line).padStart(4)}  ${q.type.padEnd(11)}  ${q.category ? `${q.category} / ` : ''}${q.name}`,
  );
  const byType = [...counts].map(([t, n]) => `${t} ${n}`).join(', ');
  return `${path}: OK, ${questions.length} questions (${byType || 'none'}) in ${categories.size} categories\n${lines.join('\n')}\n`;
}

/**
 * The `labmig quiz` command: `check FILE...` validates GIFT files and lists their questions; `parse FILE --json`
 * prints the questions as JSON. Errors go to stderr as `FILE:LINE:COLUMN: reason [code]`.
 * @returns the exit code: 0 = all files valid, 1 = a file is invalid or unreadable, 2 = wrong usage
 */
export async function runQuizCli(args: readonly string[], io: QuizCliIo): Promise<number> {
  const [command, ...rest] = args;
  const files = rest.filter((a) => !a.startsWith('--'));
  const flags = rest.filter((a) => a.startsWith('--'));
  if (command === 'check' && files.length > 0 && flags.length === 0) {
    let failed = false;
    for (const file of files) {
      const questions = await load(io, file);
      if (questions) io.stdout(summarise(file, questions));
      else failed = true;
    }
    return failed ? 1 : 0;
  }
  if (command === 'parse' && files.length === 1 && flags.every((f) => f === '--json')) {
    const questions = await load(io, files[0]);
    if (!questions) return 1;
    io.stdout(`${JSON.stringify(questions, null, 2)}\n`);
    return 0;
  }
  io.stderr(USAGE);
  return 2;
}
