import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, LabDatasetTable, LabRunTable } from '../database.types.ts';

/** A stored Lab dataset row. */
export type LabDatasetRow = Selectable<LabDatasetTable>;
/** A stored Lab run row. */
export type LabRunRow = Selectable<LabRunTable>;
/** A run with its job's state and progress (null when the job is gone). */
export type LabRunWithJobRow = LabRunRow & {
  job_state: string | null;
  job_progress: number | null;
  job_error: string | null;
};

/** Inserts a dataset. */
export async function insertLabDataset(
  db: Kysely<Database>,
  row: Insertable<LabDatasetTable>,
): Promise<void> {
  await db.insertInto('lab_datasets').values(row).execute();
}

/** A dataset by id. */
export async function findLabDataset(db: Kysely<Database>, id: string): Promise<LabDatasetRow | undefined> {
  return db.selectFrom('lab_datasets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates a dataset's columns. */
export async function updateLabDataset(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<LabDatasetTable>,
): Promise<void> {
  await db.updateTable('lab_datasets').set(changes).where('id', '=', id).execute();
}

/** Deletes a dataset (its runs go with it). */
export async function deleteLabDataset(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('lab_datasets').where('id', '=', id).execute();
}

/** The datasets a person owns, and those shared with one of `groupIds`, newest first. */
export async function listLabDatasetsFor(
  db: Kysely<Database>,
  userId: string,
  groupIds: readonly string[],
): Promise<LabDatasetRow[]> {
  return db
    .selectFrom('lab_datasets')
    .selectAll()
    .where((eb) =>
      groupIds.length > 0
        ? eb.or([eb('owner_user_id', '=', userId), eb('group_id', 'in', groupIds)])
        : eb('owner_user_id', '=', userId),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** How many datasets a person owns and their bytes in all. */
export async function labUsageOfOwner(
  db: Kysely<Database>,
  userId: string,
): Promise<{ datasets: number; bytes: number }> {
  const row = await db
    .selectFrom('lab_datasets')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>('size_bytes').as('b'),
    ])
    .where('owner_user_id', '=', userId)
    .executeTakeFirst();
  return { datasets: Number(row?.n ?? 0), bytes: Number(row?.b ?? 0) };
}

/** Inserts a run. */
export async function insertLabRun(db: Kysely<Database>, row: Insertable<LabRunTable>): Promise<void> {
  await db.insertInto('lab_runs').values(row).execute();
}

/** Updates a run's columns. */
export async function updateLabRun(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<LabRunTable>,
): Promise<void> {
  await db.updateTable('lab_runs').set(changes).where('id', '=', id).execute();
}

const runWithJob = (db: Kysely<Database>) =>
  db
    .selectFrom('lab_runs as r')
    .leftJoin('jobs as j', 'j.id', 'r.job_id')
    .selectAll('r')
    .select(['j.state as job_state', 'j.progress as job_progress', 'j.last_error as job_error']);

/** A run by id, with its job's state. */
export async function findLabRun(db: Kysely<Database>, id: string): Promise<LabRunWithJobRow | undefined> {
  return runWithJob(db).where('r.id', '=', id).executeTakeFirst() as Promise<LabRunWithJobRow | undefined>;
}

/** The runs of a dataset, newest first, with their jobs' states. */
export async function listLabRuns(db: Kysely<Database>, datasetId: string): Promise<LabRunWithJobRow[]> {
  return runWithJob(db)
    .where('r.dataset_id', '=', datasetId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute() as Promise<LabRunWithJobRow[]>;
}

/** How many of a person's runs and inspections wait or run now (their jobs queued or running). */
export async function countActiveLabJobsOfOwner(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('owner_id', '=', userId)
    .where('type', 'in', ['lab.run', 'lab.inspect'])
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The groups a person belongs to or tutors, with their cohort and names (for sharing and for listing). */
export async function listGroupsOfPerson(
  db: Kysely<Database>,
  userId: string,
): Promise<{ id: string; cohort_id: string; name: string; cohort_title: string }[]> {
  return db
    .selectFrom('groups as g')
    .innerJoin('cohorts as c', 'c.id', 'g.cohort_id')
    .leftJoin('group_members as m', (join) =>
      join.onRef('m.group_id', '=', 'g.id').on('m.user_id', '=', userId),
    )
    .select(['g.id', 'g.cohort_id', 'g.name', 'c.title as cohort_title'])
    .where((eb) => eb.or([eb('g.tutor_user_id', '=', userId), eb('m.user_id', '=', userId)]))
    .orderBy('c.title')
    .orderBy('g.name')
    .execute();
}
