import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, GroupTable } from '../database.types.ts';

/** A group of a cohort. */
export type GroupRow = Selectable<GroupTable>;

/** The group a learner belongs to in a cohort, if any. */
export async function findGroupOfMember(
  db: Kysely<Database>,
  cohortId: string,
  userId: string,
): Promise<GroupRow | undefined> {
  return db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .selectAll('groups')
    .where('group_members.cohort_id', '=', cohortId)
    .where('group_members.user_id', '=', userId)
    .executeTakeFirst();
}

/** Finds a group by id. */
export async function findGroupById(db: Kysely<Database>, id: string): Promise<GroupRow | undefined> {
  return db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The groups of a cohort, by name. */
export async function listGroupsOfCohort(db: Kysely<Database>, cohortId: string): Promise<GroupRow[]> {
  return db.selectFrom('groups').selectAll().where('cohort_id', '=', cohortId).orderBy('name').execute();
}

/** Every learner's group in a cohort (group id and user id). */
export async function listGroupMembersOfCohort(
  db: Kysely<Database>,
  cohortId: string,
): Promise<{ group_id: string; user_id: string }[]> {
  return db
    .selectFrom('group_members')
    .select(['group_id', 'user_id'])
    .where('cohort_id', '=', cohortId)
    .orderBy('group_id')
    .execute();
}

/** The groups a tutor follows in a cohort. */
export async function listGroupIdsOfTutor(
  db: Kysely<Database>,
  cohortId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('group_tutors')
    .innerJoin('groups', 'groups.id', 'group_tutors.group_id')
    .select('groups.id')
    .where('groups.cohort_id', '=', cohortId)
    .where('group_tutors.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.id);
}

/** Inserts a group. */
export async function insertGroup(db: Kysely<Database>, row: Insertable<GroupTable>): Promise<void> {
  await db.insertInto('groups').values(row).execute();
}

/** Puts a learner in a group of the cohort (moving them out of any other group of the cohort). */
export async function setGroupMember(
  db: Kysely<Database>,
  row: { group_id: string; cohort_id: string; user_id: string; added_at: string },
): Promise<void> {
  await db
    .deleteFrom('group_members')
    .where('cohort_id', '=', row.cohort_id)
    .where('user_id', '=', row.user_id)
    .execute();
  await db.insertInto('group_members').values(row).execute();
}

/** Lets a tutor follow a group (nothing happens when they already do). */
export async function addGroupTutor(
  db: Kysely<Database>,
  row: { group_id: string; user_id: string; added_at: string },
): Promise<void> {
  await db
    .insertInto('group_tutors')
    .values(row)
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .execute();
}
