import {
  findCohortById,
  findCourseById,
  findEnrolment,
  type CohortRow,
  type Database,
  type Kysely,
} from '@labmig/db';
import { requireUserId } from '../accounts/account.commands.ts';
import type { Actor } from '../accounts/actor.ts';
import type { EnrolmentRole, EnrolmentStatus } from '../cohorts/cohort.present.ts';
import type { Course } from '../content/course.types.ts';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { canLearn, type LearningAction } from './learning.policy.ts';
import { cohortSchedule, type CohortSchedule, type ScheduleOptions } from './schedule.rules.ts';

/** Due dates used for every cohort: local 23:59 on the last day of each week. */
export const DEFAULT_SCHEDULE_OPTIONS: ScheduleOptions = { dueOffsetDays: 6, dueTime: '23:59' };

/** Who is looking: the actor's role in the cohort, `admin` for site admins who are not members. */
export type ViewerRole = EnrolmentRole | 'admin';

/** Everything a learning query or command needs after loading and authorizing. */
export interface LearningContext {
  readonly cohort: CohortRow;
  readonly course: Course;
  readonly courseSlug: string;
  readonly enrolment: {
    readonly id: string;
    readonly role: EnrolmentRole;
    readonly status: EnrolmentStatus;
  } | null;
  readonly viewer: ViewerRole;
  /** True for active learners: their own progress is shown and recorded. */
  readonly tracksProgress: boolean;
  /** True for tutors, managers and admins, who may read every week's content before it opens. */
  readonly isStaff: boolean;
  readonly schedule: CohortSchedule;
  readonly now: Date;
}

/**
 * Loads a cohort, its course definition and the actor's enrolment, checks `action` with the learning policy and
 * computes the schedule at `now`. Throws UnauthenticatedError (anonymous), NotFoundError `cohort.not_found`,
 * ForbiddenError (`learning.not_a_learner` / `learning.enrolment_inactive` for progress, `forbidden` otherwise).
 */
export async function loadLearningContext(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
  action: LearningAction,
  now: Date,
): Promise<LearningContext> {
  const userId = requireUserId(actor);
  const cohort = await findCohortById(db, cohortId);
  if (!cohort) throw new NotFoundError('cohort.not_found');
  const own = await findEnrolment(db, cohort.id, userId);
  const enrolment = own ? { id: own.id, role: own.role, status: own.status } : null;
  if (!canLearn(actor, action, { kind: 'cohort', membership: enrolment })) {
    if (action !== 'learning.progress') throw new ForbiddenError();
    if (enrolment?.role !== 'learner') throw new ForbiddenError('learning.not_a_learner');
    throw new ForbiddenError('learning.enrolment_inactive');
  }
  const courseRow = await findCourseById(db, cohort.course_id);
  if (!courseRow) throw new NotFoundError('course.not_found');
  // The definition is the content loader's own JSON output, written by the importer.
  const course = JSON.parse(courseRow.definition) as Course;
  const active = enrolment?.status === 'active' ? enrolment : null;
  const viewer: ViewerRole = active ? active.role : 'admin';
  return {
    cohort,
    course,
    courseSlug: courseRow.slug,
    enrolment,
    viewer,
    tracksProgress: active?.role === 'learner',
    isStaff: viewer !== 'learner',
    schedule: scheduleOf(cohort, course, now),
    now,
  };
}

/** The schedule of a cohort row at `now`, with the default due dates. */
export function scheduleOf(cohort: CohortRow, course: Course, now: Date): CohortSchedule {
  return cohortSchedule(
    { id: cohort.id, startsOn: cohort.starts_on, timeZone: cohort.time_zone },
    course,
    now,
    DEFAULT_SCHEDULE_OPTIONS,
  );
}
