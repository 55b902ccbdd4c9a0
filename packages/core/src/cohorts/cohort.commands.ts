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
import { NotFoundError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import type { EnrolmentRole } from './cohort.present.ts';
import { cohortSchema, type CohortInput } from './cohort.schema.ts';
import { hasFreePlace } from './enrolment.rules.ts';
import { promoteFromWaitlist } from './enrolment.commands.ts';

/**
 * Creates a cohort of an imported course, with its weekly assessments scheduled.
 * @throws NotFoundError `course.not_found`, DomainValidationError
 */
export async function createCohort(app: App, input: CohortInput): Promise<CohortRow> {
  const data = parseInput(cohortSchema, input);
  const course = await findCourseBySlug(app.db, data.courseSlug);
  if (!course) throw new NotFoundError('course.not_found');
  const now = app.clock.now().toISOString();
  return app.db.transaction().execute(async (trx) => {
    const cohort = await insertCohort(trx, {
      id: newId(),
      course_id: course.id,
      title: data.title ?? `${course.title} (${data.startsOn} – ${data.endsOn})`,
      starts_on: data.startsOn,
      ends_on: data.endsOn,
      time_zone: data.timeZone,
      capacity: data.capacity,
      waitlist_enabled: data.waitlistEnabled ? 1 : 0,
      enrol_opens_at: data.enrolOpensAt,
      enrol_closes_at: data.enrolClosesAt,
      require_confirmed_email: data.requireConfirmedEmail ? 1 : 0,
      language: data.language,
      created_at: now,
      updated_at: now,
    });
    // The weekly assessments of the course get their open and close dates from the new cohort's schedule.
    await scheduleCohortQuizzes(trx, cohort, app.clock.now());
    return cohort;
  });
}

/**
 * Puts a user into a cohort with a role, as an administrator would (CLI, demo): the enrolment window is
 * ignored; a learner beyond capacity goes to the waiting list; tutors and managers are always active.
 * Re-running with the same arguments changes nothing. Throws NotFoundError `cohort.not_found`, `user.not_found`.
 */
export async function enrolUser(
  app: App,
  input: { cohortId: string; email: string; role: EnrolmentRole },
): Promise<{ status: 'active' | 'waitlisted'; changed: boolean }> {
  const user = await findUserByEmail(app.db, input.email.trim().toLowerCase());
  if (!user) throw new NotFoundError('user.not_found');
  if (!(await findCohortById(app.db, input.cohortId))) throw new NotFoundError('cohort.not_found');
  return app.db.transaction().execute(async (trx) => {
    const cohort = (await findCohortForUpdate(trx, input.cohortId))!;
    const existing = await findEnrolment(trx, cohort.id, user.id);
    if (existing && existing.role === input.role && existing.status !== 'withdrawn') {
      return { status: existing.status, changed: false };
    }
    const free =
      input.role !== 'learner' ||
      hasFreePlace(cohort.capacity, await countLearners(trx, cohort.id, 'active'));
    const status: 'active' | 'waitlisted' = free ? 'active' : 'waitlisted';
    const at = app.clock.now().toISOString();
    const values = { role: input.role, status, updated_at: at, withdrawn_at: null };
    if (existing) await updateEnrolment(trx, existing.id, values);
    else
      await insertEnrolment(trx, {
        id: newId(),
        cohort_id: cohort.id,
        user_id: user.id,
        answers: '{}',
        created_at: at,
        ...values,
      });
    // A learner who becomes staff frees a place for the waiting list.
    if (existing?.role === 'learner' && existing.status === 'active' && input.role !== 'learner') {
      await promoteFromWaitlist(trx, cohort.id, cohort.capacity, at);
    }
    return { status, changed: true };
  });
}
