import { listAnswersOfAttempts, listAttemptsOfQuizzes, type QuizAttemptRow } from '@labmig/db';
import type { Actor } from '../accounts/actor.ts';
import type { App } from '../app/app.ts';
import { authorize, loadQuizContext, type StoredLayout } from './attempt/attempt-context.ts';
import { analyseItems, type ItemStatistics } from './item-analysis.rules.ts';

/** Item statistics of one question of a quiz (percentages; null where undefined, e.g. n < 2). */
export interface QuizItemDto extends ItemStatistics {
  readonly questionId: string;
  readonly maxMark: number;
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
 * (X₋ = attempt marks − question marks). Descriptions are left out.
 * @throws ForbiddenError unless staff of the cohort; NotFoundError `quiz.not_found`
 */
export async function analyseQuizItems(
  app: App,
  actor: Actor,
  quizId: string,
  which: ItemAttempts = 'all',
): Promise<QuizItemDto[]> {
  const ctx = await loadQuizContext(app.db, quizId);
  await authorize(app.db, actor, 'items.analyse', ctx.quiz.cohort_id, { notFound: 'quiz.not_found' });
  const attempts = pickAttempts(await listAttemptsOfQuizzes(app.db, [quizId]), which);
  const answers = await listAnswersOfAttempts(
    app.db,
    attempts.map((a) => a.id),
  );
  const fractionOf = new Map(answers.map((a) => [`${a.attempt_id}/${a.slot}`, a.fraction ?? 0]));
  const byQuestion = new Map<string, { maxMark: number; rows: [number, number][]; restMax: number }>();
  for (const attempt of attempts) {
    const layout = JSON.parse(attempt.layout) as StoredLayout;
    layout.slots.forEach((slot, index) => {
      if (slot.maxMark === 0) return;
      const mark = Math.min(1, Math.max(0, fractionOf.get(`${attempt.id}/${index}`) ?? 0)) * slot.maxMark;
      const entry = byQuestion.get(slot.questionId) ?? { maxMark: slot.maxMark, rows: [], restMax: 0 };
      entry.rows.push([mark, Math.max(0, (attempt.marks ?? 0) - mark)]);
      entry.restMax = Math.max(entry.restMax, (attempt.max_marks ?? 0) - slot.maxMark);
      byQuestion.set(slot.questionId, entry);
    });
  }
  return [...byQuestion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([questionId, { maxMark, rows, restMax }]) => {
      // Two columns: the question and the rest of the attempt, so X₋ of column 0 is exactly column 1.
      const [stats] = analyseItems(rows, [maxMark, Math.max(restMax, ...rows.map((r) => r[1]))]);
      return { questionId, maxMark, ...stats };
    });
}
