import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runQuizCli, type QuizCliIo } from './quiz.cli.ts';

function capture(files: Record<string, string> = {}): QuizCliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
    readFile: async (path: string) => {
      if (!(path in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return files[path];
    },
  };
  return io;
}

describe('runQuizCli', () => {
  it('check: lists the questions of a valid file and exits 0', async () => {
    const io = capture({ 'a.gift': '$CATEGORY: w1\n\n::q1::Sky {T}\n\n::q2::Pi {#3.14:0.01}\n' });
    expect(await runQuizCli(['check', 'a.gift'], io)).toBe(0);
    expect(io.out).toContain('a.gift: OK, 2 questions (truefalse 1, numerical 1) in 1 categories');
    expect(io.out).toMatch(/ 3 {2}truefalse {4}w1 \/ q1/);
    expect(io.err).toBe('');
  });

  it('check: reports file:line:column, the reason and the code, and exits 1', async () => {
    const io = capture({ 'bad.gift': '::ok::x {T}\n\n::q::y {=a ~b' });
    expect(await runQuizCli(['check', 'bad.gift'], io)).toBe(1);
    expect(io.err).toBe(
      'bad.gift:3:8: the answer block is not closed; add "}" at its end (or write a literal brace as \\{) [gift.unclosed-answers]\n',
    );
    expect(io.out).toBe('');
  });

  it('check: reports an unreadable file', async () => {
    const io = capture();
    expect(await runQuizCli(['check', 'nope.gift'], io)).toBe(1);
    expect(io.err).toBe('nope.gift: cannot read the file (ENOENT)\n');
  });

  it('parse --json: prints the questions as JSON', async () => {
    const io = capture({ 'a.gift': '::q1::Sky {T#no#yes}' });
    expect(await runQuizCli(['parse', 'a.gift', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual([
      {
        type: 'truefalse',
        correct: true,
        feedbackWrong: 'no',
        feedbackRight: 'yes',
        name: 'q1',
        text: 'Sky',
        format: 'moodle',
        category: '',
        generalFeedback: '',
        line: 1,
      },
    ]);
  });

  it('reads real files from disk when no reader is injected', async () => {
    const io = { out: '', stdout: (s: string) => void (io.out += s), stderr: () => undefined };
    const path = fileURLToPath(new URL('./fixtures/all-features.gift', import.meta.url));
    expect(await runQuizCli(['parse', path, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toHaveLength(15);
  });

  it.each([
    [[]],
    [['check']],
    [['parse', 'a.gift', '--yaml']],
    [['parse', 'a.gift', 'b.gift', '--json']],
    [['frobnicate']],
  ])('prints usage and exits 2 for %j', async (args) => {
    const io = capture();
    expect(await runQuizCli(args, io)).toBe(2);
    expect(io.err).toContain('usage:');
  });
});
