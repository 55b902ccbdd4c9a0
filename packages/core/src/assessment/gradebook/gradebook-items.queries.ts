import { listAnswersOfAttempts, listAttemptsOfQuizzes, type QuizAttemptRow } from '@labmig/db';
import type { Actor } from '../../access/actor.ts';
import type { App } from '../../app/app.ts';
import { layoutOf, loadQuestionVersions, loadQuizContext, type QuizRef } from '../attempt/attempt-context.ts';
import sanitizeHtml from 'sanitize-html';
import { renderQuestionText } from '../attempt/question-text.render.ts';
import type { Question, QuestionType } from '../gift/gift.types.ts';
import { analyseItems, reviewFlags, type ItemFlag, type ItemStatistics } from './item-analysis.rules.ts';

/** Item statistics of one question of a quiz (percentages; null where undefined, e.g. n < 2). */
export interface QuizItemDto extends ItemStatistics {
  readonly questionId: string;
  /**
   * The question's title in the bank and its text as a reader sees it: plain text without markup, a calculated
   * question's variables shown as the ranges they are drawn from (`[800–1200]`).
   */
  readonly name: string;
  readonly text: string;
  readonly type: QuestionType;
  readonly maxMark: number;
  /** Reasons to review the question (`reviewFlags`). */
  readonly flags: readonly ItemFlag[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * A question's text as plain words for a table: rendered in its format, markup dropped; a calculated question's
 * `{name}` placeholders become the range of values the variable takes.
 * @example plainQuestionText(calculated) // 'A survey counts [800–1200] employed …'
 */
export function plainQuestionText(q: Question): string {
  let text = q.text;
  if (q.type === 'calculated') {
    const byName = new Map(q.variables.map((v) => [v.name, v]));
    text = text.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
      const v = byName.get(name);
      return v ? `[${v.min}–${v.max}]` : whole;
    });
  }
  const html = renderQuestionText(text, q.format);
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim();
}

/** Item analysis of one quiz, with what a page needs to title it. */
export interface QuizItemAnalysisDto {
  readonly quizId: string;
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly week: number;
  readonly title: string;
  readonly which: ItemAttempts;
  /** Fully graded attempts analysed. */
  readonly attempts: number;
  readonly items: readonly QuizItemDto[];
}

/** Which attempts item analysis uses: every fully graded attempt, or each learner's first one (Moodle's options). */
export type ItemAttempts = 'all' | 'first';

function pickAttempts(attempts: readonly QuizAttemptRow[], which: ItemAttempts): QuizAttemptRow[] {
  const graded = attempts.filter(
    (a) => a.state === 'submitted' && a.pending_count === 0 && a.max_marks !== null,
  );
  if (which === 'all') return graded;
  const firsts = new Map<string, QuizAttemptRow>();
  for (const a of graded) if (!firsts.has(a.user_id)) firsts.set(a.user_id, a);
  return [...firsts.values()];
}

/**
 * Item analysis of a quiz for tutors, from stored attempts, with the item-analysis rules (facility, SD,
 * discrimination, discriminative efficiency). Questions drawn at random appear in only some attempts, so each
 * question is analysed over the attempts that contain it, against the rest of each attempt's marks
 * (X₋ = attempt marks − question marks). Descriptions are left out. Items are in question-id order.
 * @throws ForbiddenError unless staff of the cohort; NotFoundError `quiz.not_found`
 */
export async function analyseQuizItems(
  app: App,
  actor: Actor,
  ref: QuizRef,
  which: ItemAttempts = 'all',
): Promise<QuizItemDto[]> {
  return [...(await getQuizItemAnalysis(app, actor, ref, which)).items];
}

/**
 * `analyseQuizItems` with the quiz's title, week and cohort and the number of attempts analysed (for a page).
 * @throws ForbiddenError unless staff of the cohort; NotFoundError `quiz.not_found`
 */
export async function getQuizItemAnalysis(
  app: App,
  actor: Actor,
  ref: QuizRef,
  which: ItemAttempts = 'all',
): Promise<QuizItemAnalysisDto> {
  const ctx = await loadQuizContext(app.db, actor, ref, 'items.analyse');
  const { quizId } = ref;
  const attempts = pickAttempts(await listAttemptsOfQuizzes(app.db, [quizId]), which);
  return {
    quizId,
    cohortId: ctx.cohort.id,
    cohortTitle: ctx.cohort.title,
    week: ctx.quiz.week,
    title: ctx.definition.title,
    which,
    attempts: attempts.length,
    items: await analyse(app, attempts),
  };
}

async function analyse(app: App, attempts: readonly QuizAttemptRow[]): Promise<QuizItemDto[]> {
  const answers = await listAnswersOfAttempts(
    app.db,
    attempts.map((a) => a.id),
  );
  const fractionOf = new Map(answers.map((a) => [`${a.attempt_id}/${a.slot}`, a.fraction ?? 0]));
  type Entry = { maxMark: number; rows: [number, number][]; restMax: number; version: string };
  const byQuestion = new Map<string, Entry>();
  for (const attempt of attempts) {
    const layout = layoutOf(attempt);
    layout.slots.forEach((slot, index) => {
      if (slot.maxMark === 0) return;
      const mark = Math.min(1, Math.max(0, fractionOf.get(`${attempt.id}/${index}`) ?? 0)) * slot.maxMark;
      const entry = byQuestion.get(slot.questionId) ?? {
        maxMark: slot.maxMark,
        rows: [],
        restMax: 0,
        version: layout.versions[index],
      };
      entry.rows.push([mark, Math.max(0, (attempt.marks ?? 0) - mark)]);
      entry.restMax = Math.max(entry.restMax, (attempt.max_marks ?? 0) - slot.maxMark);
      byQuestion.set(slot.questionId, entry);
    });
  }
  const entries = [...byQuestion.entries()].sort(([a], [b]) => a.localeCompare(b));
  const questions = await loadQuestionVersions(
    app.db,
    entries.map(([, e]) => e.version),
  );
  return entries.map(([questionId, { maxMark, rows, restMax }], i) => {
    // Two columns: the question and the rest of the attempt, so X₋ of column 0 is exactly column 1.
    const [stats] = analyseItems(rows, [maxMark, Math.max(restMax, ...rows.map((r) => r[1]))]);
    const q = questions[i];
    return {
      questionId,
      name: q.name,
      text: plainQuestionText(q),
      type: q.type,
      maxMark,
      ...stats,
      flags: reviewFlags(stats),
    };
  });
}
