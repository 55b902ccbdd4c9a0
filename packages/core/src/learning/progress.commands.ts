import { deleteLessonDone, insertLessonDone, listLessonsDone, newId } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { requireLesson, requireModule } from './course-markdown.ts';
import { loadCohortCourse, ownEnrolmentId } from './learning-context.ts';
import { courseProgress, lessonKey, type Progress } from './progress.rules.ts';
import { weekOfModule } from './schedule.rules.ts';

/** Input of {@link markLesson}. */
export interface MarkLessonInput {
  readonly cohortId: string;
  readonly moduleId: string;
  readonly lessonId: string;
  /** true: mark done; false: mark not done. */
  readonly done: boolean;
}

/** The learner's progress after a change. */
export interface MarkLessonResult {
  readonly done: boolean;
  /** False when the lesson already was in the requested state (the call is idempotent). */
  readonly changed: boolean;
  readonly module: Progress;
  readonly course: Progress;
}

/**
 * Marks a lesson done or not done for the acting learner, in one transaction. Idempotent. Refusals:
 * UnauthenticatedError; NotFoundError `cohort.not_found`, `learning.module_not_found`, `learning.lesson_not_found`;
 * ForbiddenError `learning.not_a_learner` (outsiders, tutors, managers, admins), `learning.enrolment_inactive`
 * (waitlisted or withdrawn learners); ConflictError `learning.week_not_open`.
 */
export async function markLesson(app: App, actor: Actor, input: MarkLessonInput): Promise<MarkLessonResult> {
  const now = app.clock.now();
  return app.db.transaction().execute(async (trx) => {
    const ctx = await loadCohortCourse(trx, actor, input.cohortId, 'learning.progress', now);
    const m = requireModule(ctx, input.moduleId);
    requireLesson(m, input.lessonId);
    if (weekOfModule(ctx.schedule, m.id)?.state !== 'open') throw new ConflictError('learning.week_not_open');
    const enrolmentId = ownEnrolmentId(ctx);
    const changed = input.done
      ? await insertLessonDone(trx, {
          id: newId(),
          enrolment_id: enrolmentId,
          module_id: m.id,
          lesson_id: input.lessonId,
          completed_at: now.toISOString(),
        })
      : await deleteLessonDone(trx, enrolmentId, m.id, input.lessonId);
    const rows = await listLessonsDone(trx, enrolmentId);
    const progress = courseProgress(
      ctx.course,
      new Set(rows.map((r) => lessonKey(r.module_id, r.lesson_id))),
    );
    return { done: input.done, changed, module: progress.modules.get(m.id)!, course: progress.course };
  });
}
