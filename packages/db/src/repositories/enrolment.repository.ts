import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, EnrolmentStatus, EnrolmentTable } from '../database.types.ts';
import type { CohortRow } from './cohort.repository.ts';

/** A stored enrolment row. */
export type EnrolmentRow = Selectable<EnrolmentTable>;

/** Finds a user's enrolment in a cohort (any status). */
export async function findEnrolment(
  db: Kysely<Database>,
  cohortId: string,
  userId: string,
): Promise<EnrolmentRow | undefined> {
  return db
    .selectFrom('enrolments')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Inserts an enrolment. */
export async function insertEnrolment(db: Kysely<Database>, row: Insertable<EnrolmentTable>): Promise<void> {
  await db.insertInto('enrolments').values(row).execute();
}

/** Updates an enrolment by id. */
export async function updateEnrolment(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<EnrolmentTable>,
): Promise<void> {
  await db.updateTable('enrolments').set(changes).where('id', '=', id).execute();
}

/** Counts learner enrolments of a cohort with the given status (capacity counts learners only). */
export async function countLearners(
  db: Kysely<Database>,
  cohortId: string,
  status: EnrolmentStatus,
): Promise<number> {
  const row = await db
    .selectFrom('enrolments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('cohort_id', '=', cohortId)
    .where('role', '=', 'learner')
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Learner counts per cohort and status, for catalogue and course pages. */
export async function countLearnersByCohort(
  db: Kysely<Database>,
  cohortIds: readonly string[],
): Promise<{ cohort_id: string; status: EnrolmentStatus; n: number }[]> {
  if (cohortIds.length === 0) return [];
  const rows = await db
    .selectFrom('enrolments')
    .select(['cohort_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('cohort_id', 'in', cohortIds)
    .where('role', '=', 'learner')
    .groupBy(['cohort_id', 'status'])
    .execute();
  return rows.map((r) => ({ cohort_id: r.cohort_id, status: r.status, n: Number(r.n) }));
}

/** The learner who has waited longest on a cohort's waiting list. */
export async function findFirstWaitlisted(
  db: Kysely<Database>,
  cohortId: string,
): Promise<EnrolmentRow | undefined> {
  return db
    .selectFrom('enrolments')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('role', '=', 'learner')
    .where('status', '=', 'waitlisted')
    .orderBy('updated_at')
    .orderBy('id')
    .executeTakeFirst();
}

/** A user's enrolments with their cohort and course, newest cohort first. */
export async function listEnrolmentsOfUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
    .innerJoin('courses', 'courses.id', 'cohorts.course_id')
    .select([
      'enrolments.id',
      'enrolments.role',
      'enrolments.status',
      'enrolments.created_at',
      'cohorts.id as cohort_id',
      'cohorts.title as cohort_title',
      'cohorts.starts_on',
      'cohorts.ends_on',
      'cohorts.time_zone',
      'cohorts.language',
      'courses.id as course_id',
      'courses.slug as course_slug',
      'courses.title as course_title',
    ])
    .where('enrolments.user_id', '=', userId)
    .orderBy('cohorts.starts_on', 'desc')
    .orderBy('cohorts.id')
    .execute();
}

/** Everyone in a cohort with their profile, for the roster. */
export async function listRosterRows(db: Kysely<Database>, cohortId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('users', 'users.id', 'enrolments.user_id')
    .select([
      'enrolments.id',
      'enrolments.role',
      'enrolments.status',
      'enrolments.answers',
      'enrolments.created_at',
      'enrolments.withdrawn_at',
      'users.id as user_id',
      'users.name',
      'users.email',
      'users.country',
      'users.organisation_type',
      'users.job_title',
    ])
    .where('enrolments.cohort_id', '=', cohortId)
    .orderBy('enrolments.role')
    .orderBy('users.name')
    .orderBy('users.email')
    .execute();
}

/**
 * A cohort with one user's enrolment in it, in one query (the enrolment is null for a user who has none, or when
 * `userId` is null). Undefined when the cohort does not exist.
 */
export async function findCohortWithEnrolment(
  db: Kysely<Database>,
  cohortId: string,
  userId: string | null,
): Promise<
  { cohort: CohortRow; enrolment: Pick<EnrolmentRow, 'id' | 'role' | 'status'> | null } | undefined
> {
  const row = await db
    .selectFrom('cohorts as c')
    .leftJoin('enrolments as e', (join) =>
      join.onRef('e.cohort_id', '=', 'c.id').on('e.user_id', '=', userId ?? ''),
    )
    .selectAll('c')
    .select(['e.id as enrolment_id', 'e.role as enrolment_role', 'e.status as enrolment_status'])
    .where('c.id', '=', cohortId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { enrolment_id, enrolment_role, enrolment_status, ...cohort } = row;
  const enrolment =
    userId !== null && enrolment_id !== null && enrolment_role !== null && enrolment_status !== null
      ? { id: enrolment_id, role: enrolment_role, status: enrolment_status }
      : null;
  return { cohort, enrolment };
}
