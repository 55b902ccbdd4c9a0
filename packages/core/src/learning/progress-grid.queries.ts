import { listLessonsDoneInCohort, listRosterRows } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import type { EnrolmentStatus } from '../cohorts/cohort.present.ts';
import { loadCohortCourse } from './learning-context.ts';
import { courseLessons, lessonKey, progressOf, type Progress } from './progress.rules.ts';
import type { ItemState } from './schedule.rules.ts';

/** A column of the grid: one lesson. */
export interface GridItemDto {
  readonly key: string;
  readonly moduleId: string;
  readonly moduleNumber: number;
  readonly lessonId: string;
  /** Short label such as `M01 L2`. */
  readonly label: string;
  readonly title: string;
  readonly week: number;
  readonly state: ItemState;
}

/** A row of the grid: one learner; `cells[i]` is when item i was done (ISO UTC), or null. */
export interface GridRowDto {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly status: EnrolmentStatus;
  readonly cells: readonly (string | null)[];
  readonly progress: Progress;
}

/** The cohort progress grid: learners × lessons. */
export interface ProgressGridDto {
  readonly cohort: { readonly id: string; readonly title: string; readonly courseSlug: string };
  readonly items: readonly GridItemDto[];
  readonly rows: readonly GridRowDto[];
  /** How many learners finished each item, by item. */
  readonly doneCounts: readonly number[];
}

/**
 * The progress grid of a cohort: its active and withdrawn learners (waiting list excluded) × every lesson in course
 * order. Active tutors and managers of the cohort and site admins only: learners, outsiders, waitlisted or withdrawn
 * staff get ForbiddenError; anonymous visitors UnauthenticatedError; NotFoundError `cohort.not_found`.
 */
export async function getProgressGrid(app: App, actor: Actor, cohortId: string): Promise<ProgressGridDto> {
  const ctx = await loadCohortCourse(app.db, actor, cohortId, 'learning.grid', app.clock.now());
  const lessons = courseLessons(ctx.course);
  const stateOfWeek = new Map(ctx.schedule.weeks.map((w) => [w.number, w.state]));
  const items = lessons.map((l) => ({
    key: lessonKey(l.moduleId, l.lessonId),
    moduleId: l.moduleId,
    moduleNumber: l.moduleNumber,
    lessonId: l.lessonId,
    label: `M${String(l.moduleNumber).padStart(2, '0')} L${l.position}`,
    title: l.title,
    week: l.week,
    state: stateOfWeek.get(l.week) ?? 'outline',
  }));
  const doneAt = new Map<string, Map<string, string>>();
  for (const r of await listLessonsDoneInCohort(app.db, ctx.cohort.id)) {
    const byKey = doneAt.get(r.enrolment_id) ?? new Map<string, string>();
    byKey.set(lessonKey(r.module_id, r.lesson_id), r.completed_at);
    doneAt.set(r.enrolment_id, byKey);
  }
  const learners = (await listRosterRows(app.db, ctx.cohort.id)).filter(
    (r) => r.role === 'learner' && (r.status === 'active' || r.status === 'withdrawn'),
  );
  const rows = learners.map((r): GridRowDto => {
    const mine = doneAt.get(r.id) ?? new Map<string, string>();
    return {
      userId: r.user_id,
      name: r.name,
      email: r.email,
      status: r.status,
      cells: items.map((i) => mine.get(i.key) ?? null),
      progress: progressOf(lessons, new Set(mine.keys()), ctx.course.learningHours),
    };
  });
  return {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title, courseSlug: ctx.courseSlug },
    items,
    rows,
    doneCounts: items.map((_, i) => rows.filter((r) => r.cells[i] !== null).length),
  };
}
