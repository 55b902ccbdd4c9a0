import { drawCalculatedValues } from './calculated.rules.ts';
import { QuizDefinitionError } from './attempt.errors.ts';
import { createSeededRandom, shuffleWith } from './seeded-random.ts';
import type { Question } from '../gift/gift.types.ts';

/** A question in a bank, with the id the quiz refers to. */
export interface BankQuestion {
  readonly id: string;
  readonly question: Question;
}

/** One entry of a quiz: a fixed question, or `count` questions drawn at random from a category. */
export type QuizItem =
  | { readonly kind: 'fixed'; readonly question: string; readonly maxMark: number }
  | {
      readonly kind: 'random';
      readonly category: string;
      readonly count: number;
      readonly includeSubcategories: boolean;
      readonly maxMark: number;
    };

/** What the layout of an attempt depends on. */
export interface LayoutSpec {
  readonly items: readonly QuizItem[];
  readonly shuffleQuestions: boolean;
  readonly shuffleAnswers: boolean;
}

/** One question slot of an attempt, frozen at its start so page loads and resumes show the same thing. */
export interface AttemptSlot {
  readonly questionId: string;
  readonly maxMark: number;
  /** Multiple choice: authored answer indexes in display order. */
  readonly choiceOrder?: readonly number[];
  /** Matching: the right-hand choices in display order (always shuffled, so the order reveals no pairing). */
  readonly matchingChoices?: readonly string[];
  /** Calculated: the values drawn for this attempt. */
  readonly variables?: Readonly<Record<string, number>>;
}

/** Whether `category` is `parent` or (with subcategories) below it, path segments separated by `/`. */
export function isInCategory(category: string, parent: string, includeSubcategories: boolean): boolean {
  return category === parent || (includeSubcategories && category.startsWith(`${parent}/`));
}

function pickQuestions(
  spec: LayoutSpec,
  bank: readonly BankQuestion[],
  attemptId: string,
): { entry: BankQuestion; maxMark: number }[] {
  const byId = new Map(bank.map((b) => [b.id, b]));
  const fixedIds = new Set(spec.items.flatMap((item) => (item.kind === 'fixed' ? [item.question] : [])));
  const used = new Set<string>();
  return spec.items.flatMap((item, index) => {
    if (item.kind === 'fixed') {
      const entry = byId.get(item.question);
      if (!entry)
        throw new QuizDefinitionError(
          'quiz.unknown-question',
          `items[${index}]`,
          `no question "${item.question}" in the bank`,
        );
      used.add(entry.id);
      return [{ entry, maxMark: item.maxMark }];
    }
    // Random draws skip descriptions, fixed questions and earlier draws, so no question appears twice.
    const pool = bank.filter(
      (b) =>
        b.question.type !== 'description' &&
        isInCategory(b.question.category, item.category, item.includeSubcategories) &&
        !fixedIds.has(b.id) &&
        !used.has(b.id),
    );
    if (pool.length < item.count) {
      throw new QuizDefinitionError(
        'quiz.not-enough-questions',
        `items[${index}]`,
        `category "${item.category}" has ${pool.length} questions left, ${item.count} are needed`,
      );
    }
    const drawn = shuffleWith(createSeededRandom(attemptId, 'random', String(index)), pool).slice(
      0,
      item.count,
    );
    drawn.forEach((d) => used.add(d.id));
    return drawn.map((entry) => ({ entry, maxMark: item.maxMark }));
  });
}

/**
 * Lays out a new attempt: picks the questions (fixed and random), orders them, shuffles choices and draws
 * calculated values — all from PRNGs seeded by the attempt id, so the same attempt id always gives the same layout.
 * @throws QuizDefinitionError when a fixed question is missing or a category has too few questions
 */
export function buildAttemptLayout(
  spec: LayoutSpec,
  bank: readonly BankQuestion[],
  attemptId: string,
): AttemptSlot[] {
  const picked = pickQuestions(spec, bank, attemptId);
  const ordered = spec.shuffleQuestions
    ? shuffleWith(createSeededRandom(attemptId, 'order'), picked)
    : picked;
  return ordered.map(({ entry: { id, question }, maxMark }): AttemptSlot => {
    const random = createSeededRandom(attemptId, id, 'answers');
    if (question.type === 'multichoice') {
      const order = question.answers.map((_, i) => i);
      return {
        questionId: id,
        maxMark,
        choiceOrder: spec.shuffleAnswers ? shuffleWith(random, order) : order,
      };
    }
    if (question.type === 'matching')
      return {
        questionId: id,
        maxMark,
        matchingChoices: shuffleWith(random, [...new Set(question.pairs.map((p) => p.answer))]),
      };
    if (question.type === 'calculated')
      return { questionId: id, maxMark, variables: drawCalculatedValues(question, attemptId, id) };
    return { questionId: id, maxMark: question.type === 'description' ? 0 : maxMark };
  });
}

/** Maps the option ids a learner ticked (display positions) back to authored answer indexes. */
export function toAuthoredChoices(slot: AttemptSlot, optionIds: readonly string[]): number[] {
  const order = slot.choiceOrder ?? [];
  return optionIds
    .map(Number)
    .filter((p) => Number.isInteger(p) && p >= 0 && p < order.length)
    .map((p) => order[p]);
}
