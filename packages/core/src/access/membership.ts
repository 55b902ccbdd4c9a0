import {
  findCohortWithEnrolment,
  type CohortRow,
  type Database,
  type EnrolmentRole,
  type EnrolmentStatus,
  type Kysely,
} from '@labmig/db';
import { NotFoundError } from '../errors/domain-errors.ts';
import type { Actor } from './actor.ts';
import type { GroupRelations } from './group-access.ts';

export type { EnrolmentRole, EnrolmentStatus };

/** Every role a person can hold in a cohort. */
export const ENROLMENT_ROLES = ['learner', 'tutor', 'manager'] as const satisfies readonly EnrolmentRole[];
/** Every status a place in a cohort can have. */
export const ENROLMENT_STATUSES = [
  'active',
  'pending',
  'waitlisted',
  'withdrawn',
  'declined',
] as const satisfies readonly EnrolmentStatus[];
// The lists above name every value of the column types (a new value fails type checking here).
const everyRole: Exclude<EnrolmentRole, (typeof ENROLMENT_ROLES)[number]> extends never ? true : never = true;
const everyStatus: Exclude<EnrolmentStatus, (typeof ENROLMENT_STATUSES)[number]> extends never
  ? true
  : never = true;
void everyRole;
void everyStatus;

/** A person's place in one cohort, as stored. */
export interface Membership {
  readonly userId: string;
  readonly cohortId: string;
  readonly enrolmentId: string;
  readonly role: EnrolmentRole;
  readonly status: EnrolmentStatus;
}

/** A cohort as every cohort policy sees it: its id and the actor's own membership there (null when none). */
export interface CohortAccess {
  readonly kind: 'cohort';
  readonly cohortId: string;
  readonly membership: Membership | null;
}

/** Something a learner owns inside a cohort (an attempt): the cohort access plus the owner. */
export interface OwnedAccess extends Omit<CohortAccess, 'kind'> {
  readonly kind: 'owned';
  readonly ownerUserId: string;
}

/**
 * Something a group of learners owns inside a cohort (a group submission): the cohort access, the actor's group
 * relations in the cohort (`loadGroupRelations`) and the owning group.
 */
export interface GroupOwnedAccess extends Omit<CohortAccess, 'kind'> {
  readonly kind: 'group-owned';
  readonly groups: GroupRelations | null;
  readonly ownerGroupId: string;
}

/** The whole site (administration). */
export interface SiteAccess {
  readonly kind: 'site';
}

/** The site resource. */
export const SITE: SiteAccess = { kind: 'site' };

/** The same cohort access, for a thing owned by `ownerUserId`. */
export function ownedBy(access: CohortAccess, ownerUserId: string): OwnedAccess {
  return { kind: 'owned', cohortId: access.cohortId, membership: access.membership, ownerUserId };
}

/** The same cohort access, for a thing owned by the group `groupId`, with the actor's group relations. */
export function ownedByGroup(
  access: CohortAccess,
  groups: GroupRelations | null,
  groupId: string,
): GroupOwnedAccess {
  return {
    kind: 'group-owned',
    cohortId: access.cohortId,
    membership: access.membership,
    groups,
    ownerGroupId: groupId,
  };
}

/**
 * Loads a cohort and the actor's membership of it, once, in one query — the only place memberships are read
 * for authorization. Anonymous actors have no membership.
 * @throws NotFoundError `cohort.not_found`
 */
export async function loadCohortAccess(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
): Promise<{ readonly cohort: CohortRow; readonly access: CohortAccess }> {
  const userId = actor.kind === 'user' ? actor.userId : null;
  const found = await findCohortWithEnrolment(db, cohortId, userId);
  if (!found) throw new NotFoundError('cohort.not_found');
  const { cohort, enrolment } = found;
  const membership =
    userId !== null && enrolment
      ? {
          userId,
          cohortId: cohort.id,
          enrolmentId: enrolment.id,
          role: enrolment.role,
          status: enrolment.status,
        }
      : null;
  return { cohort, access: { kind: 'cohort', cohortId: cohort.id, membership } };
}
