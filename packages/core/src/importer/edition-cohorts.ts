import { findCohortById, insertCohort, updateCohort, type Database, type Transaction } from '@labmig/db';
import type { Course } from '../content/index.ts';

/** The cohort id of a course edition: stable, so re-imports find it. */
export function editionCohortId(slug: string, editionId: string): string {
  return `${slug}--${editionId}`;
}

/**
 * Makes sure every edition in course.yaml exists as a cohort with the same title, dates, time zone and
 * language. Enrolment of an edition stays open until its end date (the cohort defaults). Returns how many
 * cohorts were created.
 */
export async function upsertEditionCohorts(
  trx: Transaction<Database>,
  courseId: string,
  course: Course,
  now: string,
): Promise<number> {
  let created = 0;
  for (const edition of course.editions) {
    const id = editionCohortId(course.slug, edition.id);
    const values = {
      title: edition.title,
      starts_on: edition.start,
      ends_on: edition.end,
      time_zone: edition.timeZone,
      language: edition.language,
    };
    const existing = await findCohortById(trx, id);
    if (!existing) {
      await insertCohort(trx, {
        id,
        course_id: courseId,
        ...values,
        capacity: null,
        waitlist_enabled: 1,
        enrol_opens_at: null,
        enrol_closes_at: null,
        require_confirmed_email: 1,
        created_at: now,
        updated_at: now,
      });
      created++;
    } else if ((Object.keys(values) as (keyof typeof values)[]).some((k) => existing[k] !== values[k])) {
      await updateCohort(trx, id, { ...values, updated_at: now });
    }
  }
  return created;
}
