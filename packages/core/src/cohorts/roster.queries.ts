import { findCohortById, findCourseById, findEnrolment, listRosterRows } from '@labmig/db';
import { requireUserId } from '../accounts/account.commands.ts';
import { toOrganisationType, type OrganisationType } from '../accounts/organisation-types.ts';
import type { Actor } from '../accounts/actor.ts';
import type { App } from '../app/app.ts';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { can } from '../policy.ts';
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
  const userId = requireUserId(actor);
  const cohort = await findCohortById(app.db, cohortId);
  if (!cohort) throw new NotFoundError('cohort.not_found');
  const own = await findEnrolment(app.db, cohort.id, userId);
  const membership = own ? { role: own.role, status: own.status } : null;
  if (!can(actor, 'roster.view', { kind: 'cohort', membership })) throw new ForbiddenError();
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

function pickAnswers(json: string): Record<string, string> {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const key of ['motivation', 'expectations'])
    if (typeof parsed[key] === 'string') out[key] = parsed[key] as string;
  return out;
}
