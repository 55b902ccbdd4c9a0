import { insertLabExerciseAttempt, listLabExerciseAttempts, newId } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { ownedBy } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { ConflictError, DomainValidationError, ForbiddenError } from '../errors/domain-errors.ts';
import {
  attemptScore,
  exerciseStatus,
  gradeAnswer,
  parseAnswerNumber,
  type AnswerResult,
} from './grading/lab-grading.rules.ts';
import { isPastDue, loadLabExercisesContext, requireLabExercise } from './lab-exercise-context.ts';

/** What answering did: the attempt's number, each answer's result and the score (not the expected values). */
export interface LabAnswerOutcome {
  readonly attempt: number;
  readonly results: Readonly<Record<string, AnswerResult>>;
  readonly correct: boolean;
  readonly score: number;
}

/**
 * Records and grades one attempt of the actor at a Lab exercise: each answer is compared with the value the engine
 * computed when the content was imported (stored per content version; nothing is recomputed here), within the
 * answer's tolerance. An empty or non-numeric field uses no attempt: the whole form is refused naming the fields.
 * @throws ForbiddenError unless an active learner answering for themselves (`lab-exercise.no_attempts_left`,
 * `lab-exercise.already_passed`, `lab-exercise.closed` once answering is over); DomainValidationError
 * `lab-exercise.answers_incomplete` (fields: `answer-<id>`); ConflictError `lab-exercise.attempt_conflict` when
 * another tab recorded the same attempt first; NotFoundError `cohort.not_found`, `lab-exercise.not_found`
 */
export async function answerLabExercise(
  app: App,
  actor: Actor,
  input: {
    readonly cohortId: string;
    readonly key: string;
    readonly answers: Readonly<Record<string, string>>;
  },
): Promise<LabAnswerOutcome> {
  const ctx = await loadLabExercisesContext(app.db, actor, input.cohortId);
  const e = requireLabExercise(ctx, input.key);
  assertCan(ctx.actor, 'lab-exercise.answer', ownedBy(ctx.access, ctx.actor.userId));
  const d = e.definition;
  const now = app.clock.now();
  const previous = await listLabExerciseAttempts(app.db, ctx.cohort.id, {
    userIds: [ctx.actor.userId],
    exerciseId: e.id,
  });
  const status = exerciseStatus(
    previous.map((a) => ({ correct: a.correct === 1 })),
    d.attempts,
    isPastDue(ctx.cohort, d, now),
  );
  if (status === 'passed') throw new ForbiddenError('lab-exercise.already_passed');
  if (previous.length >= d.attempts) throw new ForbiddenError('lab-exercise.no_attempts_left');
  if (status === 'failed' || status === 'closed') throw new ForbiddenError('lab-exercise.closed');
  const answers: Record<string, string> = {};
  const bad: Record<string, string> = {};
  for (const a of d.answers) {
    const raw = (input.answers[a.id] ?? '').trim().slice(0, 64);
    answers[a.id] = raw;
    const n = parseAnswerNumber(raw);
    if (n === null || Number.isNaN(n)) bad[`answer-${a.id}`] = 'lab-exercise.answers_incomplete';
  }
  if (Object.keys(bad).length > 0) throw new DomainValidationError(bad, 'lab-exercise.answers_incomplete');
  const results: Record<string, AnswerResult> = {};
  for (const a of d.answers) results[a.id] = gradeAnswer(answers[a.id], e.expected[a.id]!, a.tolerance);
  const list = d.answers.map((a) => results[a.id]!);
  const correct = list.every((r) => r === 'correct');
  const score = attemptScore(list, d.points);
  const attempt = previous.length + 1;
  const inserted = await insertLabExerciseAttempt(app.db, {
    id: newId(),
    exercise_id: e.id,
    cohort_id: ctx.cohort.id,
    user_id: ctx.actor.userId,
    attempt,
    answers: JSON.stringify(answers),
    results: JSON.stringify(results),
    correct: correct ? 1 : 0,
    score,
    content_hash: e.contentHash,
    created_at: now.toISOString(),
  });
  if (!inserted) throw new ConflictError('lab-exercise.attempt_conflict');
  return { attempt, results, correct, score };
}
