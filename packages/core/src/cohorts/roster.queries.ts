import { findCourseById, listRosterRows } from '@labmig/db';
import { z } from 'zod';
import { toOrganisationType, type OrganisationType } from '../accounts/organisation-types.ts';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { loadCohortAccess } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import type { EnrolmentRole, EnrolmentStatus } from './cohort.present.ts';

/** One person on a roster. */
export interface RosterEntryDto {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly country: string;
  readonly organisationType: OrganisationType;
  readonly jobTitle: string;
  readonly role: EnrolmentRole;
  readonly status: EnrolmentStatus;
  readonly enrolledAt: string;
  readonly withdrawnAt: string | null;
  /** Free-text answers given when enrolling (motivation, expectations). */
  readonly answers: Readonly<Record<string, string>>;
}

/** A cohort's roster. */
export interface RosterDto {
  readonly cohort: {
    readonly id: string;
    readonly title: string;
    readonly courseSlug: string;
    readonly courseTitle: string;
    readonly startsOn: string;
    readonly endsOn: string;
    readonly capacity: number | null;
  };
  readonly entries: readonly RosterEntryDto[];
  readonly counts: {
    readonly learners: number;
    readonly waitlisted: number;
    readonly staff: number;
    readonly withdrawn: number;
  };
}

/**
 * The roster of a cohort: managers of the cohort and site admins only (ForbiddenError otherwise,
 * UnauthenticatedError for anonymous actors, NotFoundError `cohort.not_found`).
 */
export async function getRoster(app: App, actor: Actor, cohortId: string): Promise<RosterDto> {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'roster.view', access);
  const course = (await findCourseById(app.db, cohort.course_id))!;
  const entries = (await listRosterRows(app.db, cohort.id)).map((r): RosterEntryDto => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    country: r.country,
    organisationType: toOrganisationType(r.organisation_type),
    jobTitle: r.job_title,
    role: r.role,
    status: r.status,
    enrolledAt: r.created_at,
    withdrawnAt: r.withdrawn_at,
    answers: pickAnswers(r.answers),
  }));
  const count = (pred: (e: RosterEntryDto) => boolean) => entries.filter(pred).length;
  return {
    cohort: {
      id: cohort.id,
      title: cohort.title,
      courseSlug: course.slug,
      courseTitle: course.title,
      startsOn: cohort.starts_on,
      endsOn: cohort.ends_on,
      capacity: cohort.capacity,
    },
    entries,
    counts: {
      learners: count((e) => e.role === 'learner' && e.status === 'active'),
      waitlisted: count((e) => e.status === 'waitlisted'),
      staff: count((e) => e.role !== 'learner' && e.status === 'active'),
      withdrawn: count((e) => e.status === 'withdrawn'),
    },
  };
}

/** The answers an enrolment stored (the form's answers, and the profile at the time). */
const storedAnswers = z.record(z.string(), z.unknown());

function pickAnswers(json: string): Record<string, string> {
  const parsed = parseStoredJson(storedAnswers, json, 'enrolment answers');
  const out: Record<string, string> = {};
  for (const key of ['motivation', 'expectations']) {
    const value = parsed[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}
