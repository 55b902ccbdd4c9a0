import { findUserById, listEnrolmentsOfUser, lockActiveAdminIds, searchUsers } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { SITE } from '../access/membership.ts';
import { toOrganisationType, type OrganisationType } from '../accounts/organisation-types.ts';
import { toLocale } from '../accounts/user.present.ts';
import type { App } from '../app/app.ts';
import type { Locale } from '../errors/error-messages.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import type { EnrolmentRole, EnrolmentStatus } from '@labmig/db';
import { COURSE_ADMIN_LIMITS, peopleSearchSchema, type PeopleSearchInput } from './course-admin.schema.ts';

/** A person in the search results. */
export interface PersonListItemDto {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly isAdmin: boolean;
  readonly deactivated: boolean;
  readonly createdAt: string;
}

/** One page of people. */
export interface PeoplePageDto {
  readonly people: readonly PersonListItemDto[];
  readonly query: string;
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
}

/**
 * Finds people by part of their name or email, 25 a page, by name (site admins: `people.view`; ForbiddenError
 * `admin.only` otherwise). An empty search lists everyone.
 */
export async function searchPeople(app: App, actor: Actor, input: PeopleSearchInput): Promise<PeoplePageDto> {
  assertCan(actor, 'people.view', SITE, { forbidden: 'admin.only' });
  const { q, page } = peopleSearchSchema.parse(input);
  const size = COURSE_ADMIN_LIMITS.peoplePageSize;
  const { rows, total } = await searchUsers(app.db, { query: q, limit: size, offset: (page - 1) * size });
  return {
    people: rows.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      isAdmin: u.is_admin === 1,
      deactivated: u.deactivated_at !== null,
      createdAt: u.created_at,
    })),
    query: q,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / size)),
  };
}

/** A person's page: their account and every place they hold or held. */
export interface PersonDto {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly locale: Locale;
  readonly country: string;
  readonly organisationType: OrganisationType;
  readonly jobTitle: string;
  readonly isAdmin: boolean;
  readonly deactivatedAt: string | null;
  readonly createdAt: string;
  readonly remindersEnabled: boolean;
  /** True when this is the actor's own account. */
  readonly isSelf: boolean;
  /** True when this is the only active site admin (the role cannot be removed, the account not deactivated). */
  readonly isLastAdmin: boolean;
  readonly enrolments: readonly {
    readonly cohortId: string;
    readonly cohortTitle: string;
    readonly courseTitle: string;
    readonly startsOn: string;
    readonly endsOn: string;
    readonly role: EnrolmentRole;
    readonly status: EnrolmentStatus;
    readonly enrolledAt: string;
  }[];
}

/** A person's page (site admins: `people.view`). NotFoundError `user.not_found`. */
export async function getPerson(app: App, actor: Actor, userId: string): Promise<PersonDto> {
  assertCan(actor, 'people.view', SITE, { forbidden: 'admin.only' });
  const user = await findUserById(app.db, userId);
  if (!user) throw new NotFoundError('user.not_found');
  const admins = await lockActiveAdminIds(app.db);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: toLocale(user.locale),
    country: user.country,
    organisationType: toOrganisationType(user.organisation_type),
    jobTitle: user.job_title,
    isAdmin: user.is_admin === 1,
    deactivatedAt: user.deactivated_at,
    createdAt: user.created_at,
    remindersEnabled: user.reminders_enabled === 1,
    isSelf: user.id === actor.userId,
    isLastAdmin: admins.length === 1 && admins[0] === user.id,
    enrolments: (await listEnrolmentsOfUser(app.db, user.id)).map((e) => ({
      cohortId: e.cohort_id,
      cohortTitle: e.cohort_title,
      courseTitle: e.course_title,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      role: e.role,
      status: e.status,
      enrolledAt: e.created_at,
    })),
  };
}
