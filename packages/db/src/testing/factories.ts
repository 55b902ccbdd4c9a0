import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CohortTable, CourseTable, Database, EnrolmentTable, UserTable } from '../database.types.ts';
import { newId } from '../ids.ts';

let sequence = 0;
const next = () => ++sequence;
const NOW = '2026-01-01T00:00:00.000Z';

/** Inserts a user with plausible defaults; the default password hash matches no password. */
export async function buildUser(
  db: Kysely<Database>,
  overrides: Partial<Insertable<UserTable>> = {},
): Promise<Selectable<UserTable>> {
  const n = next();
  const row: Insertable<UserTable> = {
    id: newId(),
    email: `user${n}@example.org`,
    name: `User ${n}`,
    password_hash: '!no-password',
    is_admin: 0,
    locale: 'en',
    country: 'FR',
    organisation_type: 'nso',
    job_title: 'Statistician',
    email_confirmed_at: NOW,
    created_at: NOW,
    updated_at: NOW,
    ...overrides,
  };
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Inserts a course; `definition` defaults to a minimal JSON course with no modules. */
export async function buildCourse(
  db: Kysely<Database>,
  overrides: Partial<Insertable<CourseTable>> = {},
): Promise<Selectable<CourseTable>> {
  const n = next();
  const slug = overrides.slug ?? `course-${n}`;
  const title = overrides.title ?? `Course ${n}`;
  const row: Insertable<CourseTable> = {
    id: newId(),
    slug,
    title,
    content_hash: `hash-${n}`,
    definition: JSON.stringify({
      slug,
      title,
      summary: `Summary of ${title}`,
      language: 'en',
      learningHours: 60,
      weeks: [],
      modules: [],
      editions: [],
    }),
    created_at: NOW,
    updated_at: NOW,
    ...overrides,
  };
  return db.insertInto('courses').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Inserts a cohort (of a new course unless `course_id` is given), running 2026-03-02 to 2026-04-10 by default. */
export async function buildCohort(
  db: Kysely<Database>,
  overrides: Partial<Insertable<CohortTable>> = {},
): Promise<Selectable<CohortTable>> {
  const courseId = overrides.course_id ?? (await buildCourse(db)).id;
  const row: Insertable<CohortTable> = {
    id: newId(),
    course_id: courseId,
    title: `Cohort ${next()}`,
    starts_on: '2026-03-02',
    ends_on: '2026-04-10',
    time_zone: 'UTC',
    capacity: null,
    waitlist_enabled: 1,
    enrol_opens_at: null,
    enrol_closes_at: null,
    require_confirmed_email: 1,
    language: 'en',
    created_at: NOW,
    updated_at: NOW,
    ...overrides,
  };
  return db.insertInto('cohorts').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Inserts an enrolment (active learner by default). */
export async function buildEnrolment(
  db: Kysely<Database>,
  overrides: Partial<Insertable<EnrolmentTable>> & { cohort_id: string; user_id: string },
): Promise<Selectable<EnrolmentTable>> {
  const row: Insertable<EnrolmentTable> = {
    id: newId(),
    role: 'learner',
    status: 'active',
    answers: '{}',
    created_at: NOW,
    updated_at: NOW,
    withdrawn_at: null,
    ...overrides,
  };
  return db.insertInto('enrolments').values(row).returningAll().executeTakeFirstOrThrow();
}
