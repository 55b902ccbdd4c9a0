import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  CoherenceCaseTable,
  CoherenceObjectiveTable,
  CoherenceScoreTable,
  Database,
  ObservatoryTableSetTable,
} from '../database.types.ts';

/** A stored table set. */
export type TableSetRow = Selectable<ObservatoryTableSetTable>;
/** A table set without its tables, with the names of its owner (person or group). */
export type TableSetSummaryRow = Omit<TableSetRow, 'tables'> & {
  user_name: string | null;
  group_name: string | null;
};
export type CoherenceCaseRow = Selectable<CoherenceCaseTable> & {
  user_name: string | null;
  group_name: string | null;
};
export type CoherenceObjectiveRow = Selectable<CoherenceObjectiveTable>;
export type CoherenceScoreRow = Selectable<CoherenceScoreTable>;

/** Inserts a published table set. */
export async function insertTableSet(
  db: Kysely<Database>,
  row: Insertable<ObservatoryTableSetTable>,
): Promise<void> {
  await db.insertInto('observatory_table_sets').values(row).execute();
}

/** The cohort's table sets not withdrawn, newest first, without their tables. */
export async function listTableSetSummaries(
  db: Kysely<Database>,
  cohortId: string,
): Promise<TableSetSummaryRow[]> {
  return db
    .selectFrom('observatory_table_sets as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('groups as g', 'g.id', 's.group_id')
    .select([
      's.id',
      's.cohort_id',
      's.owner_key',
      's.user_id',
      's.group_id',
      's.title',
      's.country',
      's.source',
      's.reference_year',
      's.notes',
      's.published_by',
      's.published_at',
      's.withdrawn_at',
      's.withdrawn_by',
      'u.name as user_name',
      'g.name as group_name',
    ])
    .where('s.cohort_id', '=', cohortId)
    .where('s.withdrawn_at', 'is', null)
    .orderBy('s.published_at', 'desc')
    .orderBy('s.id')
    .execute();
}

/** The cohort's table sets not withdrawn, with their tables (for the comparisons, the atlas and SDG 10.7.1). */
export async function listTableSets(db: Kysely<Database>, cohortId: string): Promise<TableSetRow[]> {
  return db
    .selectFrom('observatory_table_sets')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('withdrawn_at', 'is', null)
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .execute();
}

/** A table set of a cohort by id (undefined when absent or of another cohort). */
export async function findTableSet(
  db: Kysely<Database>,
  cohortId: string,
  id: string,
): Promise<TableSetRow | undefined> {
  return db
    .selectFrom('observatory_table_sets')
    .selectAll()
    .where('id', '=', id)
    .where('cohort_id', '=', cohortId)
    .executeTakeFirst();
}

/** Marks a table set withdrawn, once (returns whether it was still published). */
export async function withdrawTableSetRow(
  db: Kysely<Database>,
  id: string,
  by: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('observatory_table_sets')
    .set({ withdrawn_at: at, withdrawn_by: by })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Inserts a coherence case. */
export async function insertCoherenceCase(
  db: Kysely<Database>,
  row: Insertable<CoherenceCaseTable>,
): Promise<void> {
  await db.insertInto('coherence_cases').values(row).execute();
}

const caseColumns = [
  'c.id',
  'c.cohort_id',
  'c.owner_key',
  'c.user_id',
  'c.group_id',
  'c.title',
  'c.country',
  'c.created_by',
  'c.created_at',
  'c.updated_at',
  'u.name as user_name',
  'g.name as group_name',
] as const;

/** The coherence cases of a cohort, newest first. */
export async function listCoherenceCases(
  db: Kysely<Database>,
  cohortId: string,
): Promise<CoherenceCaseRow[]> {
  return db
    .selectFrom('coherence_cases as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('groups as g', 'g.id', 'c.group_id')
    .select(caseColumns)
    .where('c.cohort_id', '=', cohortId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .execute();
}

/** A coherence case of a cohort (undefined when absent or of another cohort). */
export async function findCoherenceCase(
  db: Kysely<Database>,
  cohortId: string,
  id: string,
): Promise<CoherenceCaseRow | undefined> {
  return db
    .selectFrom('coherence_cases as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('groups as g', 'g.id', 'c.group_id')
    .select(caseColumns)
    .where('c.id', '=', id)
    .where('c.cohort_id', '=', cohortId)
    .executeTakeFirst();
}

/** Marks a case changed. */
export async function touchCoherenceCase(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('coherence_cases').set({ updated_at: at }).where('id', '=', id).execute();
}

/** The objectives of a case, by area and position. */
export async function listCoherenceObjectives(
  db: Kysely<Database>,
  caseId: string,
): Promise<CoherenceObjectiveRow[]> {
  return db
    .selectFrom('coherence_objectives')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Inserts an objective. */
export async function insertCoherenceObjective(
  db: Kysely<Database>,
  row: Insertable<CoherenceObjectiveTable>,
): Promise<void> {
  await db.insertInto('coherence_objectives').values(row).execute();
}

/** Deletes an objective of a case (its scores go with it). */
export async function deleteCoherenceObjective(
  db: Kysely<Database>,
  caseId: string,
  id: string,
): Promise<void> {
  await db
    .deleteFrom('coherence_scores')
    .where('case_id', '=', caseId)
    .where((eb) => eb.or([eb('first_id', '=', id), eb('second_id', '=', id)]))
    .execute();
  await db.deleteFrom('coherence_objectives').where('case_id', '=', caseId).where('id', '=', id).execute();
}

/** The scores of a case. */
export async function listCoherenceScores(
  db: Kysely<Database>,
  caseId: string,
): Promise<CoherenceScoreRow[]> {
  return db.selectFrom('coherence_scores').selectAll().where('case_id', '=', caseId).execute();
}

/** Sets the score of a pair (insert or replace). */
export async function upsertCoherenceScore(
  db: Kysely<Database>,
  row: Insertable<CoherenceScoreTable>,
): Promise<void> {
  await db
    .insertInto('coherence_scores')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['case_id', 'first_id', 'second_id']).doUpdateSet({
        score: row.score,
        evidence: row.evidence,
        scored_by: row.scored_by ?? null,
        scored_at: row.scored_at,
      }),
    )
    .execute();
}

/** Removes the score of a pair (back to "not assessed"). */
export async function deleteCoherenceScore(
  db: Kysely<Database>,
  caseId: string,
  firstId: string,
  secondId: string,
): Promise<void> {
  await db
    .deleteFrom('coherence_scores')
    .where('case_id', '=', caseId)
    .where('first_id', '=', firstId)
    .where('second_id', '=', secondId)
    .execute();
}
