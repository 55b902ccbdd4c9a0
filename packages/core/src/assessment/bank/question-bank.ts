import { GiftSyntaxError } from '../gift/gift.errors.ts';
import { isInCategory, type BankQuestion } from '../attempt/attempt-layout.rules.ts';
import { parseGift } from '../gift/gift.parser.ts';
import type { QuizDefinition } from '../attempt/quiz-definition.ts';

/** A problem found while loading banks or checking quizzes, as `file:line:column: message`. */
export interface BankProblem {
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Result of loading GIFT files into one bank: all-or-nothing, so `questions` is empty when there are problems. */
export interface BankLoadResult {
  readonly questions: readonly BankQuestion[];
  readonly problems: readonly BankProblem[];
}

/**
 * Parses several GIFT files into one course bank whose question ids are the question names. Every file is
 * checked; names must be unique across the bank. Nothing is returned if any file has a problem.
 */
export function loadQuestionBank(
  files: readonly { readonly path: string; readonly source: string }[],
): BankLoadResult {
  const problems: BankProblem[] = [];
  const questions: BankQuestion[] = [];
  const seen = new Map<string, string>();
  for (const { path, source } of files) {
    try {
      for (const question of parseGift(source)) {
        const where = `${path}:${question.line}`;
        const first = seen.get(question.name);
        if (first)
          problems.push({
            code: 'bank.duplicate-name',
            file: path,
            line: question.line,
            column: 1,
            message: `question name "${question.name}" is already used at ${first}; give it its own ::title::`,
          });
        else seen.set(question.name, where);
        questions.push({ id: question.name, question });
      }
    } catch (error) {
      if (!(error instanceof GiftSyntaxError)) throw error;
      problems.push({
        code: error.code,
        file: path,
        line: error.line,
        column: error.column,
        message: error.reason,
      });
    }
  }
  return { questions: problems.length > 0 ? [] : questions, problems };
}

/** Checks that every fixed question exists and every random draw has a category with enough questions. */
export function checkQuizAgainstBank(quiz: QuizDefinition, bank: readonly BankQuestion[]): string[] {
  const ids = new Set(bank.map((b) => b.id));
  const fixed = new Set(quiz.items.flatMap((i) => (i.kind === 'fixed' ? [i.question] : [])));
  const needed = new Map<string, number>();
  const problems: string[] = [];
  quiz.items.forEach((item, index) => {
    const path = `${quiz.id}.questions[${index}]`;
    if (item.kind === 'fixed') {
      if (!ids.has(item.question))
        problems.push(`${path}: no question named "${item.question}" in the banks`);
      return;
    }
    const pool = bank.filter(
      (b) =>
        b.question.type !== 'description' &&
        !fixed.has(b.id) &&
        isInCategory(b.question.category, item.category, item.includeSubcategories),
    );
    if (pool.length === 0)
      problems.push(`${path}: category "${item.category}" does not exist or has no questions`);
    needed.set(item.category, (needed.get(item.category) ?? 0) + item.count);
    if (pool.length > 0 && pool.length < (needed.get(item.category) ?? 0))
      problems.push(
        `${path}: category "${item.category}" has ${pool.length} questions, ${needed.get(item.category)} are drawn`,
      );
  });
  return problems;
}
