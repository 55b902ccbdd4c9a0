import { findCourseById, listEnrolmentsOfUser } from '@labmig/db';
import { requireUserId } from '../accounts/account.commands.ts';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { courseTitleIn } from '../content/course-language.ts';
import { courseDefinitionOf } from '../content/course.stored.ts';
import type { Locale } from '../errors/error-messages.ts';
import type { EnrolmentRole, EnrolmentStatus } from './cohort.present.ts';
import { cohortPhase, currentWeek, type CohortPhase } from './cohort-calendar.rules.ts';

/** One line of "My courses". */
export interface MyCourseDto {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly courseSlug: string;
  readonly courseTitle: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly timeZone: string;
  readonly language: string;
  readonly role: EnrolmentRole;
  readonly status: EnrolmentStatus;
  readonly enrolledAt: string;
  readonly phase: CohortPhase;
  /** The course week (1-based) running today, or null before the start and after the end. */
  readonly week: number | null;
}

/**
 * The actor's cohorts (withdrawn places and declined applications left out; pending applications in), latest start
 * first, with the course titles in `locale` (French where the course has one). Throws UnauthenticatedError.
 */
export async function listMyCourses(app: App, actor: Actor, locale: Locale = 'en'): Promise<MyCourseDto[]> {
  const userId = requireUserId(actor);
  const now = app.clock.now();
  const rows = (await listEnrolmentsOfUser(app.db, userId)).filter(
    (r) => r.status !== 'withdrawn' && r.status !== 'declined',
  );
  const titles = new Map<string, string>();
  if (locale !== 'en')
    for (const id of new Set(rows.map((r) => r.course_id))) {
      const course = await findCourseById(app.db, id);
      if (course) titles.set(id, courseTitleIn(courseDefinitionOf(course), locale));
    }
  return rows.map((r) => ({
    cohortId: r.cohort_id,
    cohortTitle: r.cohort_title,
    courseSlug: r.course_slug,
    courseTitle: titles.get(r.course_id) ?? r.course_title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    timeZone: r.time_zone,
    language: r.language,
    role: r.role,
    status: r.status,
    enrolledAt: r.created_at,
    phase: cohortPhase(r.starts_on, r.ends_on, r.time_zone, now),
    week: currentWeek(r.starts_on, r.ends_on, r.time_zone, now),
  }));
}
