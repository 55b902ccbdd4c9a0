import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { QuizDefinitionError } from './attempt.errors.ts';
import type { QuizItem } from './attempt-layout.rules.ts';
import type { FeedbackMode } from './feedback.rules.ts';
import type { GradingMethod } from './quiz.rules.ts';

/** One weekly assessment as defined in content (open and close dates come from the cohort schedule). */
export interface QuizDefinition {
  readonly id: string;
  readonly week: number;
  readonly title: string;
  readonly items: readonly QuizItem[];
  /** null = no time limit. */
  readonly timeLimitMinutes: number | null;
  /** 0 = unlimited. */
  readonly attemptsAllowed: number;
  readonly gradingMethod: GradingMethod;
  readonly maxGrade: number;
  /** On the same scale as maxGrade. */
  readonly passMark: number;
  readonly shuffleQuestions: boolean;
  readonly shuffleAnswers: boolean;
  readonly feedbackMode: FeedbackMode;
  /** Days from opening to closing; absent = the quiz closes at the end of its week (7 days). */
  readonly closeAfterDays?: number;
  /** The French title, when the course gives one (shown on the French pages). */
  readonly fr?: { readonly title: string };
}

/**
 * A quiz's title in a language: the French one on French pages when the definition has it, else the title.
 * @example quizTitleIn({ title: 'Week 1', fr: { title: 'Semaine 1' } }, 'fr') // 'Semaine 1'
 */
export function quizTitleIn(definition: Pick<QuizDefinition, 'title' | 'fr'>, locale: 'en' | 'fr'): string {
  return (locale === 'fr' && definition.fr?.title) || definition.title;
}

const storedFrenchTitle = z.object({ fr: z.object({ title: z.string() }).optional() });

/**
 * The title of a scheduled quiz row in a language: its definition's French title on French pages, else the row's
 * title (definitions stored before French titles existed have none).
 */
export function quizRowTitleIn(
  row: { readonly title: string; readonly definition: string },
  locale: 'en' | 'fr',
): string {
  if (locale !== 'fr') return row.title;
  const parsed = storedFrenchTitle.safeParse(JSON.parse(row.definition));
  return (parsed.success && parsed.data.fr?.title) || row.title;
}

/** A quiz definition file: the GIFT banks it draws on (paths relative to the file) and its quizzes. */
export interface QuizDefinitionFile {
  readonly banks: readonly string[];
  readonly quizzes: readonly QuizDefinition[];
}

const settings = {
  timeLimitMinutes: z.number().int().positive().nullable(),
  attemptsAllowed: z.number().int().min(0),
  gradingMethod: z.enum(['highest', 'average', 'first', 'last']),
  maxGrade: z.number().positive(),
  passMark: z.number().min(0),
  shuffleQuestions: z.boolean(),
  shuffleAnswers: z.boolean(),
  feedbackMode: z.enum(['immediate', 'after-submission', 'after-close']),
};

const item = z.union([
  z.strictObject({ question: z.string().min(1), maxMark: z.number().min(0).default(1) }),
  z.strictObject({
    category: z.string().min(1),
    count: z.number().int().positive(),
    includeSubcategories: z.boolean().default(false),
    maxMark: z.number().min(0).default(1),
  }),
]);

function partial<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}

const quizSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
  week: z.number().int().min(1),
  title: z.string().min(1),
  questions: z.array(item).min(1),
  closeAfterDays: z.number().int().positive().optional(),
  fr: z.strictObject({ title: z.string().min(1) }).optional(),
  ...partial(settings),
});

const fileSchema = z.strictObject({
  banks: z.array(z.string().min(1)).min(1),
  defaults: z.strictObject(partial(settings)).default({}),
  quizzes: z.array(quizSchema).min(1),
});

function pathOf(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '') || '(file)'
  );
}

/**
 * Reads a quiz definition file (YAML): quiz settings override `defaults`; each quiz must end up with every setting.
 * @throws QuizDefinitionError naming the entry (e.g. `quizzes[2].passMark`) and what is wrong
 */
export function parseQuizDefinitions(yamlText: string): QuizDefinitionFile {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new QuizDefinitionError(
      'quiz.invalid-definition',
      '(file)',
      `not valid YAML: ${(error as Error).message}`,
    );
  }
  const result = fileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new QuizDefinitionError('quiz.invalid-definition', pathOf(issue.path), issue.message);
  }
  const { banks, defaults, quizzes } = result.data;
  const ids = new Set<string>();
  return {
    banks,
    quizzes: quizzes.map((q, i): QuizDefinition => {
      if (ids.has(q.id))
        throw new QuizDefinitionError(
          'quiz.invalid-definition',
          `quizzes[${i}].id`,
          `duplicate quiz id "${q.id}"`,
        );
      ids.add(q.id);
      const merged = {
        ...defaults,
        ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)),
      };
      const full = z.object(settings).safeParse(merged);
      if (!full.success)
        throw new QuizDefinitionError(
          'quiz.invalid-definition',
          `quizzes[${i}].${pathOf(full.error.issues[0].path)}`,
          `${full.error.issues[0].message} (set it on the quiz or in defaults)`,
        );
      if (full.data.passMark > full.data.maxGrade)
        throw new QuizDefinitionError(
          'quiz.invalid-definition',
          `quizzes[${i}].passMark`,
          `pass mark ${full.data.passMark} is above the maximum grade ${full.data.maxGrade}`,
        );
      const items = q.questions.map((it): QuizItem =>
        'question' in it
          ? { kind: 'fixed', question: it.question, maxMark: it.maxMark }
          : {
              kind: 'random',
              category: it.category,
              count: it.count,
              includeSubcategories: it.includeSubcategories,
              maxMark: it.maxMark,
            },
      );
      const close = q.closeAfterDays === undefined ? {} : { closeAfterDays: q.closeAfterDays };
      const fr = q.fr ? { fr: q.fr } : {};
      return { id: q.id, week: q.week, title: q.title, items, ...full.data, ...close, ...fr };
    }),
  };
}

/** A quiz definition as stored (quiz_definitions and quizzes rows): what `parseQuizDefinitions` produced. */
export const storedQuizDefinitionSchema: z.ZodType<QuizDefinition> = z.strictObject({
  id: z.string(),
  week: z.number().int(),
  title: z.string(),
  items: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('fixed'), question: z.string(), maxMark: z.number() }),
      z.strictObject({
        kind: z.literal('random'),
        category: z.string(),
        count: z.number().int(),
        includeSubcategories: z.boolean(),
        maxMark: z.number(),
      }),
    ]),
  ),
  ...settings,
  closeAfterDays: z.number().int().positive().optional(),
  fr: z.strictObject({ title: z.string() }).optional(),
});
