import {
  countLearners,
  findCohortById,
  findCohortForUpdate,
  findCourseBySlug,
  findEnrolment,
  findUserByEmail,
  insertCohort,
  insertEnrolment,
  newId,
  updateEnrolment,
  type CohortRow,
} from '@labmig/db';
import type { App } from '../app/app.ts';
import { scheduleCohortQuizzes } from '../assessment/attempt/quiz-schedule.commands.ts';
import { auditedChange, type RequestContext } from '../audit/audited-change.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import type { EnrolmentRole } from './cohort.present.ts';
import { assertScheduleFits } from './cohort-schedule.ts';
import { cohortSchema, type CohortInput } from './cohort.schema.ts';
import { hasFreePlace } from './enrolment.rules.ts';
import { promoteWaiting } from './waitlist.commands.ts';

/** Who creates or changes something from outside the browser: a user id, or null for the campus (CLI, demo). */
export interface ActingAs extends RequestContext {
  readonly actorUserId?: string | null;
}

/**
 * Creates a cohort of an imported course, with its weekly assessments scheduled, and records it in the audit log
 * (`cohort.created`). Callers check who may (the CLI is the operator; the admin pages check `cohort.create`).
 * The course's deadlines must all fall on or before the end date (ScheduleOverrunError otherwise).
 * @throws NotFoundError `course.not_found`, DomainValidationError, ScheduleOverrunError
 */
export async function createCohort(app: App, input: CohortInput, acting: ActingAs = {}): Promise<CohortRow> {
  const data = parseInput(cohortSchema, input);
  const course = await findCourseBySlug(app.db, data.courseSlug);
  if (!course) throw new NotFoundError('course.not_found');
  await assertScheduleFits(app.db, course.id, data);
  return auditedChange(app, acting.actorUserId ?? null, acting, async (change) => {
    const cohort = await insertCohort(change.trx, {
      id: newId(),
      course_id: course.id,
      title: data.title ?? `${course.title} (${data.startsOn} – ${data.endsOn})`,
      starts_on: data.startsOn,
      ends_on: data.endsOn,
      time_zone: data.timeZone,
      capacity: data.capacity,
      waitlist_enabled: data.waitlistEnabled ? 1 : 0,
      approval_required: data.approvalRequired ? 1 : 0,
      enrol_opens_at: data.enrolOpensAt,
      enrol_closes_at: data.enrolClosesAt,
      require_confirmed_email: data.requireConfirmedEmail ? 1 : 0,
      language: data.language,
      created_at: change.at,
      updated_at: change.at,
    });
    // The weekly assessments of the course get their open and close dates from the new cohort's schedule.
    await scheduleCohortQuizzes(change.trx, cohort, new Date(change.at));
    await change.audit({
      action: 'cohort.created',
      subject: { type: 'cohort', id: cohort.id },
      cohortId: cohort.id,
      summary: {
        after: {
          title: cohort.title,
          startsOn: cohort.starts_on,
          endsOn: cohort.ends_on,
          capacity: cohort.capacity,
          approvalRequired: data.approvalRequired,
        },
      },
    });
    return cohort;
  });
}

/**
 * Puts a user into a cohort with a role, as an operator would (CLI, demo): the enrolment window and approval are
 * ignored; a learner beyond capacity goes to the waiting list; tutors and managers are always active. Audited
 * (`enrolment.added`); no mail (operators enrol people in bulk before a cohort opens). Re-running with the same
 * arguments changes nothing. Throws NotFoundError `cohort.not_found`, `user.not_found`.
 */
export async function enrolUser(
  app: App,
  input: { cohortId: string; email: string; role: EnrolmentRole },
  acting: ActingAs = {},
): Promise<{ status: 'active' | 'waitlisted'; changed: boolean }> {
  const user = await findUserByEmail(app.db, input.email.trim().toLowerCase());
  if (!user) throw new NotFoundError('user.not_found');
  if (!(await findCohortById(app.db, input.cohortId))) throw new NotFoundError('cohort.not_found');
  return auditedChange(app, acting.actorUserId ?? null, acting, async (change) => {
    const { trx, at } = change;
    const cohort = (await findCohortForUpdate(trx, input.cohortId))!;
    const existing = await findEnrolment(trx, cohort.id, user.id);
    if (
      existing &&
      existing.role === input.role &&
      (existing.status === 'active' || existing.status === 'waitlisted')
    ) {
      return { status: existing.status, changed: false };
    }
    const free =
      input.role !== 'learner' ||
      hasFreePlace(cohort.capacity, await countLearners(trx, cohort.id, 'active'));
    const status: 'active' | 'waitlisted' = free ? 'active' : 'waitlisted';
    const values = { role: input.role, status, updated_at: at, withdrawn_at: null, status_reason: null };
    const enrolmentId = existing?.id ?? newId();
    if (existing) await updateEnrolment(trx, existing.id, values);
    else
      await insertEnrolment(trx, {
        id: enrolmentId,
        cohort_id: cohort.id,
        user_id: user.id,
        answers: '{}',
        created_at: at,
        ...values,
      });
    await change.audit({
      action: 'enrolment.added',
      subject: { type: 'enrolment', id: enrolmentId },
      cohortId: cohort.id,
      personUserId: user.id,
      summary: {
        ...(existing ? { before: { status: existing.status, role: existing.role } } : {}),
        after: { status, role: input.role },
      },
    });
    // A learner who becomes staff frees a place for the waiting list.
    if (existing?.role === 'learner' && existing.status === 'active' && input.role !== 'learner') {
      await promoteWaiting(app, change, cohort);
    }
    return { status, changed: true };
  });
}
