import {
  countLearnersByCohort,
  listCohortsOfCourse,
  type CohortRow,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import {
  presentCohort,
  type CohortCounts,
  type CohortDto,
  type EnrolmentRole,
  type EnrolmentStatus,
} from './cohort.present.ts';
import { cohortPhase } from './cohort-calendar.rules.ts';
import { enrolWindowState, type EnrolmentWindow } from './enrolment.rules.ts';

/** The enrolment window of a cohort row. */
export function windowOf(row: CohortRow): EnrolmentWindow {
  return {
    capacity: row.capacity,
    waitlistEnabled: row.waitlist_enabled === 1,
    enrolOpensAt: row.enrol_opens_at,
    enrolClosesAt: row.enrol_closes_at,
    endsOn: row.ends_on,
    state: row.state,
    approvalRequired: row.approval_required === 1,
  };
}

/** The cohorts of a course as DTOs, with learner counts, enrol state at `now` and the actor's own enrolment. */
export async function loadCohortDtos(
  db: Kysely<Database>,
  actor: Actor,
  course: { id: string; slug: string },
  now: Date,
): Promise<CohortDto[]> {
  // Archived cohorts leave the public pages (their members still find them in My courses).
  const rows = (await listCohortsOfCourse(db, course.id)).filter((row) => row.state !== 'archived');
  const ids = rows.map((r) => r.id);
  const counts = new Map<string, { learners: number; waitlisted: number }>();
  for (const c of await countLearnersByCohort(db, ids)) {
    const entry = counts.get(c.cohort_id) ?? { learners: 0, waitlisted: 0 };
    if (c.status === 'active') entry.learners = c.n;
    if (c.status === 'waitlisted') entry.waitlisted = c.n;
    counts.set(c.cohort_id, entry);
  }
  const mine = new Map<string, { role: EnrolmentRole; status: EnrolmentStatus }>();
  if (actor.kind === 'user' && ids.length > 0) {
    const own = await db
      .selectFrom('enrolments')
      .select(['cohort_id', 'role', 'status'])
      .where('user_id', '=', actor.userId)
      .where('cohort_id', 'in', ids)
      .execute();
    for (const e of own) mine.set(e.cohort_id, { role: e.role, status: e.status });
  }
  return rows.map((row) => {
    const c: CohortCounts = counts.get(row.id) ?? { learners: 0, waitlisted: 0 };
    return presentCohort(
      row,
      course.slug,
      c,
      enrolWindowState(windowOf(row), c.learners, now),
      mine.get(row.id) ?? null,
      cohortPhase(row.starts_on, row.ends_on, row.time_zone, now),
    );
  });
}
