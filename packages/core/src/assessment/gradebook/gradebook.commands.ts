import { findEnrolment, insertGradeOverride, listGradeOverrides, newId } from '@labmig/db';
import type { Actor } from '../../access/actor.ts';
import type { App } from '../../app/app.ts';
import { DomainValidationError, NotFoundError } from '../../errors/domain-errors.ts';
import { loadQuizContext } from '../attempt/attempt-context.ts';

/** Longest reason for a grade override. */
export const MAX_OVERRIDE_REASON_LENGTH = 500;

/**
 * Overrides a learner's quiz grade (or clears the override with `grade: null`) with a reason. Overrides are
 * append-only: each one is kept with who made it, when and why (the audit trail, see `listGradeOverrideHistory`),
 * and the latest applies in the gradebook.
 * @throws DomainValidationError (`grade`, `reason`); NotFoundError `user.not_found` when the person is not a learner of the cohort; ForbiddenError
 */
export async function overrideGrade(
  app: App,
  actor: Actor,
  input: {
    readonly cohortId: string;
    readonly quizId: string;
    readonly userId: string;
    readonly grade: number | null;
    readonly reason: string;
  },
): Promise<void> {
  const ctx = await loadQuizContext(app.db, actor, input, 'grade.override');
  const reason = input.reason.trim();
  const fields: Record<string, string> = {};
  if (reason === '') fields.reason = 'say why the grade is overridden';
  if (reason.length > MAX_OVERRIDE_REASON_LENGTH)
    fields.reason = `at most ${MAX_OVERRIDE_REASON_LENGTH} characters`;
  if (input.grade !== null && !(input.grade >= 0 && input.grade <= ctx.definition.maxGrade))
    fields.grade = `between 0 and ${ctx.definition.maxGrade}`;
  if (Object.keys(fields).length > 0) throw new DomainValidationError(fields);
  const enrolment = await findEnrolment(app.db, ctx.cohort.id, input.userId);
  if (!enrolment || enrolment.role !== 'learner') throw new NotFoundError('user.not_found');
  const by = ctx.actor.userId;
  // The latest override applies, ordered by time: keep timestamps strictly increasing per learner and quiz.
  const previous = (await listGradeOverrides(app.db, [input.quizId]))
    .filter((o) => o.user_id === input.userId)
    .at(-1);
  const now = app.clock.now().getTime();
  const at = new Date(previous ? Math.max(now, Date.parse(previous.created_at) + 1) : now).toISOString();
  await insertGradeOverride(app.db, {
    id: newId(),
    quiz_id: input.quizId,
    user_id: input.userId,
    grade: input.grade,
    reason,
    created_by: by,
    created_at: at,
  });
  app.logger.info('grade overridden', {
    quizId: input.quizId,
    userId: input.userId,
    grade: input.grade,
    by,
    reason,
  });
}

/** One override in the audit trail. */
export interface GradeOverrideDto {
  readonly grade: number | null;
  readonly reason: string;
  readonly byUserId: string;
  /** The name of the person who made the override (empty if the account is gone). */
  readonly byName: string;
  readonly at: string;
}

/** The overrides of a learner's quiz grade, oldest first. @throws ForbiddenError unless staff of the cohort */
export async function listGradeOverrideHistory(
  app: App,
  actor: Actor,
  input: { readonly cohortId: string; readonly quizId: string; readonly userId: string },
): Promise<GradeOverrideDto[]> {
  await loadQuizContext(app.db, actor, input, 'gradebook.cohort');
  const rows = (await listGradeOverrides(app.db, [input.quizId])).filter((o) => o.user_id === input.userId);
  const byIds = [...new Set(rows.map((o) => o.created_by))];
  const names = new Map(
    byIds.length === 0
      ? []
      : (await app.db.selectFrom('users').select(['id', 'name']).where('id', 'in', byIds).execute()).map(
          (u) => [u.id, u.name] as const,
        ),
  );
  return rows.map((o) => ({
    grade: o.grade,
    reason: o.reason,
    byUserId: o.created_by,
    byName: names.get(o.created_by) ?? '',
    at: o.created_at,
  }));
}
