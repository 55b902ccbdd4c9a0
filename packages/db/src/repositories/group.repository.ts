import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, GroupMemberTable, GroupTable } from '../database.types.ts';

/** A stored group row. */
export type GroupRow = Selectable<GroupTable>;

/** A group with its tutor's name and its number of members. */
export type GroupSummaryRow = GroupRow & { tutor_name: string | null; member_count: number };

/** Inserts a group. */
export async function insertGroup(db: Kysely<Database>, row: Insertable<GroupTable>): Promise<void> {
  await db.insertInto('groups').values(row).execute();
}

/** Updates a group's columns. */
export async function updateGroup(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<GroupTable>,
): Promise<void> {
  await db.updateTable('groups').set(changes).where('id', '=', id).execute();
}

/** Deletes a group (its members and its forum go with it). */
export async function deleteGroup(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('groups').where('id', '=', id).execute();
}

/** Finds a group of a cohort by id (undefined when it belongs to another cohort). */
export async function findGroup(
  db: Kysely<Database>,
  cohortId: string,
  groupId: string,
): Promise<GroupRow | undefined> {
  return db
    .selectFrom('groups')
    .selectAll()
    .where('id', '=', groupId)
    .where('cohort_id', '=', cohortId)
    .executeTakeFirst();
}

/** Finds a group of a cohort by its exact name. */
export async function findGroupByName(
  db: Kysely<Database>,
  cohortId: string,
  name: string,
): Promise<GroupRow | undefined> {
  return db
    .selectFrom('groups')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** The groups of a cohort by name, with tutor names and member counts. */
export async function listGroupsOfCohort(db: Kysely<Database>, cohortId: string): Promise<GroupSummaryRow[]> {
  const rows = await db
    .selectFrom('groups as g')
    .leftJoin('users as t', 't.id', 'g.tutor_user_id')
    .selectAll('g')
    .select('t.name as tutor_name')
    .select((eb) =>
      eb
        .selectFrom('group_members as m')
        .whereRef('m.group_id', '=', 'g.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('member_count'),
    )
    .where('g.cohort_id', '=', cohortId)
    .orderBy('g.name')
    .orderBy('g.id')
    .execute();
  return rows.map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) }));
}

/** Adds a learner to a group. */
export async function insertGroupMember(
  db: Kysely<Database>,
  row: Insertable<GroupMemberTable>,
): Promise<void> {
  await db.insertInto('group_members').values(row).execute();
}

/** Takes a learner out of whatever group they are in in a cohort; true when they were in one. */
export async function deleteGroupMember(
  db: Kysely<Database>,
  cohortId: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('group_members')
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Empties every group of a cohort (before an automatic allocation replaces them). */
export async function deleteGroupsOfCohort(db: Kysely<Database>, cohortId: string): Promise<void> {
  await db.deleteFrom('groups').where('cohort_id', '=', cohortId).execute();
}

/** The group a person belongs to in a cohort, if any. */
export async function findMemberGroup(
  db: Kysely<Database>,
  cohortId: string,
  userId: string,
): Promise<GroupRow | undefined> {
  return db
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .selectAll('g')
    .where('m.cohort_id', '=', cohortId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}

/** The members of a group with their profiles, by name. */
export async function listGroupMembers(db: Kysely<Database>, groupId: string) {
  return db
    .selectFrom('group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as user_id', 'u.name', 'u.email', 'u.country', 'u.locale', 'm.added_at'])
    .where('m.group_id', '=', groupId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

/** Every group membership of a cohort (user → group), with the members' names. */
export async function listGroupMembersOfCohort(db: Kysely<Database>, cohortId: string) {
  return db
    .selectFrom('group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.group_id', 'u.name'])
    .where('m.cohort_id', '=', cohortId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

/** How many threads (deleted ones included) a group's forum holds. */
export async function countThreadsOfGroup(db: Kysely<Database>, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('forum_threads as t')
    .innerJoin('forums as f', 'f.id', 't.forum_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('f.group_id', '=', groupId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Which group a person is in and which groups they tutor, in one cohort (for access checks). */
export async function findGroupRelations(
  db: Kysely<Database>,
  cohortId: string,
  userId: string,
): Promise<{ memberOf: string | null; tutorOf: string[] }> {
  const rows = await db
    .selectFrom('groups as g')
    .leftJoin('group_members as m', (join) =>
      join.onRef('m.group_id', '=', 'g.id').on('m.user_id', '=', userId),
    )
    .select(['g.id', 'g.tutor_user_id', 'm.user_id as member'])
    .where('g.cohort_id', '=', cohortId)
    .where((eb) => eb.or([eb('g.tutor_user_id', '=', userId), eb('m.user_id', '=', userId)]))
    .execute();
  return {
    memberOf: rows.find((r) => r.member !== null)?.id ?? null,
    tutorOf: rows.filter((r) => r.tutor_user_id === userId).map((r) => r.id),
  };
}

/**
 * The people of a cohort with the profile fields groups are made from (country, language), each with their role,
 * status and current group.
 */
export async function listCohortPeople(db: Kysely<Database>, cohortId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .leftJoin('group_members as m', (join) =>
      join.onRef('m.user_id', '=', 'e.user_id').onRef('m.cohort_id', '=', 'e.cohort_id'),
    )
    .select([
      'u.id as user_id',
      'u.name',
      'u.email',
      'u.country',
      'u.locale',
      'e.role',
      'e.status',
      'm.group_id',
    ])
    .where('e.cohort_id', '=', cohortId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}
