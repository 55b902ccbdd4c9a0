import {
  findGroup,
  findMemberGroup,
  listCohortPeople,
  listGroupMembersOfCohort,
  listGroupsOfCohort,
  type CohortRow,
  type Database,
  type GroupRow,
  type Kysely,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan, can } from '../access/can.ts';
import { loadGroupRelations, type GroupAccess } from '../access/group-access.ts';
import { loadCohortAccess } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { countryRegions } from './group-regions.ts';
import type { GroupMemberDto, GroupsAdminDto, LearnerGroup } from './group.present.ts';

/**
 * Every group of a cohort with its tutor and members, by name. No access check: for features that already
 * decided who may see what (assignments make one submission per group).
 */
export async function listGroups(db: Kysely<Database>, cohortId: string): Promise<LearnerGroup[]> {
  const groups = await listGroupsOfCohort(db, cohortId);
  const members = await listGroupMembersOfCohort(db, cohortId);
  return groups.map((g) => ({
    id: g.id,
    cohortId: g.cohort_id,
    name: g.name,
    tutor: g.tutor_user_id ? { userId: g.tutor_user_id, name: g.tutor_name ?? '' } : null,
    members: members.filter((m) => m.group_id === g.id).map((m) => ({ userId: m.user_id, name: m.name })),
  }));
}

/**
 * The group a learner belongs to in a cohort (a learner is in at most one), or null. No access check: for
 * features that already decided (an assignment's group submission).
 */
export async function findLearnerGroup(
  db: Kysely<Database>,
  cohortId: string,
  userId: string,
): Promise<LearnerGroup | null> {
  const row = await findMemberGroup(db, cohortId, userId);
  if (!row) return null;
  return (await listGroups(db, cohortId)).find((g) => g.id === row.id) ?? null;
}

/**
 * Loads a group of a cohort with the actor's membership and group relations, and asserts `group.view`.
 * Throws NotFoundError `group.not_found` to anyone who may not see it (and for a group of another cohort),
 * NotFoundError `cohort.not_found`, UnauthenticatedError.
 */
export async function loadGroupAccess(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
  groupId: string,
): Promise<{ readonly cohort: CohortRow; readonly access: GroupAccess; readonly group: GroupRow }> {
  const { cohort, access } = await loadCohortAccess(db, actor, cohortId);
  const group = await findGroup(db, cohort.id, groupId);
  const groups = await loadGroupRelations(db, actor, cohort.id);
  const resource: GroupAccess = { ...access, kind: 'group', groups, groupId: group?.id ?? groupId };
  // Another group's page is "not found", like a group that does not exist: learners cannot probe ids.
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  if (!group || !can(actor, 'group.view', resource)) throw new NotFoundError('group.not_found');
  return { cohort, access: resource, group };
}

/** The groups page (staff): groups with tutors and members, learners without a group, possible tutors. */
export async function getGroupsAdmin(app: App, actor: Actor, cohortId: string): Promise<GroupsAdminDto> {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'group.manage', access, { hidden: 'cohort.not_found' });
  const people = await listCohortPeople(app.db, cohort.id);
  const groups = await listGroupsOfCohort(app.db, cohort.id);
  const dto = (p: (typeof people)[number]): GroupMemberDto => ({
    userId: p.user_id,
    name: p.name,
    email: p.email,
    country: p.country,
    locale: p.locale,
  });
  const learners = people.filter((p) => p.role === 'learner' && p.status === 'active');
  return {
    cohortId: cohort.id,
    cohortTitle: cohort.title,
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      tutor: g.tutor_user_id ? { userId: g.tutor_user_id, name: g.tutor_name ?? '' } : null,
      // Everyone placed in the group, whatever their status now (a withdrawn learner shows until moved out).
      members: people.filter((p) => p.group_id === g.id).map(dto),
    })),
    ungrouped: learners.filter((p) => p.group_id === null).map(dto),
    tutors: people
      .filter((p) => p.role !== 'learner' && p.status === 'active')
      .map((p) => ({ userId: p.user_id, name: p.name })),
    regionsAvailable: countryRegions(app.config.contentDir) !== null,
  };
}

/** The id of the actor's own group in a cohort (for links), or null. No access check: it is the actor's own. */
export async function findOwnGroupId(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
): Promise<string | null> {
  if (actor.kind !== 'user') return null;
  return (await findMemberGroup(db, cohortId, actor.userId))?.id ?? null;
}
