import { listLessonsDone, listQuizzesOfCohort } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import type { Locale } from '../errors/error-messages.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { can } from '../access/can.ts';
import { quizRowTitleIn } from '../assessment/attempt/quiz-definition.ts';
import { loadCohortCourse, ownEnrolmentId, scheduleOf, type CohortCourse } from './learning-context.ts';
import { presentCourseHome, type CourseHomeDto, type CourseHomeExtras } from './course-home.present.ts';
import { lessonKey } from './progress.rules.ts';
import { findWeek } from './schedule.rules.ts';

/** The done-lesson keys of the context's learner (empty for viewers who do not track progress). */
export async function loadDone(app: App, ctx: CohortCourse): Promise<Set<string>> {
  if (!ctx.tracksProgress) return new Set();
  const rows = await listLessonsDone(app.db, ownEnrolmentId(ctx));
  return new Set(rows.map((r) => lessonKey(r.module_id, r.lesson_id)));
}

async function extrasOf(
  app: App,
  actor: Actor,
  ctx: CohortCourse,
  preview: number | null,
  locale: Locale,
): Promise<CourseHomeExtras> {
  const access = ctx.access;
  const quizzes = await listQuizzesOfCohort(app.db, ctx.cohort.id);
  return {
    preview,
    canPreview: can(actor, 'learning.preview', access),
    canSeeGrid: can(actor, 'learning.grid', access),
    canTakeAssessments: can(actor, 'attempt.start', access),
    canSeeGradebook: can(actor, 'gradebook.cohort', access),
    canGrade: can(actor, 'grade.manual', access),
    assessments: quizzes.map((q) => ({
      quizId: q.id,
      week: q.week,
      title: quizRowTitleIn(q, locale),
      closesAt: q.closes_at,
    })),
  };
}

/**
 * The course home of a cohort at the app clock's now: this week, what's next, deadlines, progress and every
 * week with its modules (also the data of the course calendar page). Active members and site admins
 * (ForbiddenError otherwise; UnauthenticatedError, NotFoundError `cohort.not_found`).
 */
export async function getCourseHome(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale,
): Promise<CourseHomeDto> {
  const ctx = await loadCohortCourse(app.db, actor, cohortId, 'learning.view', app.clock.now());
  return presentCourseHome(
    ctx,
    await loadDone(app, ctx),
    locale,
    await extrasOf(app, actor, ctx, null, locale),
  );
}

/**
 * The course home as a learner would see it at the moment week `week` opens (weeks up to `week` open, later
 * weeks as outlines, no progress). Managers of the cohort and site admins only (ForbiddenError otherwise);
 * NotFoundError `learning.week_not_found` for a week the course does not have.
 */
export async function previewWeek(
  app: App,
  actor: Actor,
  cohortId: string,
  week: number,
  locale: Locale,
): Promise<CourseHomeDto> {
  const ctx = await loadCohortCourse(app.db, actor, cohortId, 'learning.preview', app.clock.now());
  return presentCourseHome(
    asLearnerAtWeek(ctx, week),
    new Set(),
    locale,
    await extrasOf(app, actor, ctx, week, locale),
  );
}

/**
 * The cohort as a learner sees it the moment week `week` opens, for a manager's preview (load `ctx` with
 * `learning.preview`): weeks up to `week` open, no progress. NotFoundError `learning.week_not_found` for a week the
 * course does not have.
 */
export function asLearnerAtWeek(ctx: CohortCourse, week: number): CohortCourse {
  const target = findWeek(ctx.schedule, week);
  if (!target) throw new NotFoundError('learning.week_not_found');
  const at = new Date(target.opensAt);
  return {
    ...ctx,
    viewer: 'learner',
    isStaff: false,
    tracksProgress: false,
    schedule: scheduleOf(ctx.cohort, ctx.course, at),
    now: at,
  };
}
