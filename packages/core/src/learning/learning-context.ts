import { findCourseById, type CohortRow, type Database, type Kysely } from '@labmig/db';
import type { Actor, UserActor } from '../access/actor.ts';
import { assertCan, can, type PolicyAction } from '../access/can.ts';
import { loadCohortAccess, type CohortAccess, type EnrolmentRole } from '../access/membership.ts';
import { membershipIn } from '../access/membership.rules.ts';
import { courseDefinitionOf } from '../content/course.stored.ts';
import type { Course } from '../content/course.types.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import type { ErrorCode } from '../errors/error-messages.ts';
import { cohortSchedule, type CohortSchedule, type ScheduleOptions } from './schedule.rules.ts';

/** Due dates used for every cohort: local 23:59 on the last day of each week. */
export const DEFAULT_SCHEDULE_OPTIONS: ScheduleOptions = { dueOffsetDays: 6, dueTime: '23:59' };

/** Who is looking: the actor's role in the cohort, `admin` for site admins who are not active members. */
export type ViewerRole = EnrolmentRole | 'admin';

/** A learning action of the policy (`learning.view`, `learning.progress`, …). */
export type LearningAction = Extract<PolicyAction, `learning.${string}`>;

/** A cohort's course as a learning query or command sees it, after `can()` allowed the action. */
export interface CohortCourse {
  readonly actor: UserActor;
  readonly cohort: CohortRow;
  readonly access: CohortAccess;
  readonly course: Course;
  readonly courseSlug: string;
  readonly viewer: ViewerRole;
  /** Active learners: their own progress is shown and recorded (`learning.progress`). */
  readonly tracksProgress: boolean;
  /** Tutors, managers and admins read every week's content before it opens (`learning.read-ahead`). */
  readonly isStaff: boolean;
  readonly schedule: CohortSchedule;
  readonly now: Date;
}

/** The refusal of learning actions that only learners may do says why. */
function refusalCode(actor: Actor, access: CohortAccess, action: LearningAction): ErrorCode | undefined {
  if (action !== 'learning.progress' && action !== 'learning.calendar') return undefined;
  return membershipIn(actor, access)?.role === 'learner'
    ? 'learning.enrolment_inactive'
    : 'learning.not_a_learner';
}

/**
 * Loads a cohort with the actor's membership (`loadCohortAccess`), asserts `action`, then loads the course
 * definition and computes the schedule at `now`. Throws UnauthenticatedError (anonymous), NotFoundError
 * `cohort.not_found`, ForbiddenError (`learning.not_a_learner` / `learning.enrolment_inactive` for the learner-only
 * actions, `forbidden` otherwise).
 */
export async function loadCohortCourse(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
  action: LearningAction,
  now: Date,
): Promise<CohortCourse> {
  const { cohort, access } = await loadCohortAccess(db, actor, cohortId);
  assertCan(actor, action, access, { forbidden: refusalCode(actor, access, action) });
  const courseRow = await findCourseById(db, cohort.course_id);
  if (!courseRow) throw new NotFoundError('course.not_found');
  const course = courseDefinitionOf(courseRow);
  const own = membershipIn(actor, access);
  return {
    actor,
    cohort,
    access,
    course,
    courseSlug: courseRow.slug,
    viewer: own?.status === 'active' ? own.role : 'admin',
    tracksProgress: can(actor, 'learning.progress', access),
    isStaff: can(actor, 'learning.read-ahead', access),
    schedule: scheduleOf(cohort, course, now),
    now,
  };
}

/** The enrolment id of the acting learner (after `learning.progress` or `learning.calendar` was allowed). */
export function ownEnrolmentId(ctx: CohortCourse): string {
  const own = membershipIn(ctx.actor, ctx.access);
  if (!own) throw new Error('ownEnrolmentId: the actor has no place in this cohort (authorize first)');
  return own.enrolmentId;
}

/** The schedule of a cohort row at `now`, with the default due dates. */
export function scheduleOf(cohort: CohortRow, course: Course, now: Date): CohortSchedule {
  return cohortSchedule(
    { id: cohort.id, startsOn: cohort.starts_on, endsOn: cohort.ends_on, timeZone: cohort.time_zone },
    course,
    now,
    DEFAULT_SCHEDULE_OPTIONS,
  );
}
