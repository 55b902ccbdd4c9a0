import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports app types. Portable types only: text ids, ISO-8601 UTC text
// timestamps, integer 0/1 booleans, JSON as text, `bigint` for byte counts.

/**
 * The Lab on the server: datasets (an uploaded file kept in `stored_files`, or a practice dataset of the content
 * folder), owned by a person and optionally shared with their group; their overview and saved mapping (JSON); and
 * runs (a job of the job runner each; results in file storage, with their mapping and engine version).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lab_datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Shared with a group of a cohort (both set) or private (both null).
    .addColumn('cohort_id', 'text', (c) => c.references('cohorts.id').onDelete('set null'))
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('practice_file', 'text')
    .addColumn('file_id', 'text', (c) => c.references('stored_files.id').onDelete('set null'))
    .addColumn('format', 'text')
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('row_count', 'integer')
    .addColumn('overview', 'text')
    .addColumn('mapping', 'text')
    .addColumn('inspect_job_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lab_datasets_owner_idx')
    .on('lab_datasets')
    .columns(['owner_user_id', 'created_at'])
    .execute();
  await db.schema.createIndex('lab_datasets_group_idx').on('lab_datasets').column('group_id').execute();

  await db.schema
    .createTable('lab_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('lab_datasets.id').onDelete('cascade'))
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('job_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('result_key', 'text')
    .addColumn('summary', 'text')
    .addColumn('engine_version', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('lab_runs_dataset_idx')
    .on('lab_runs')
    .columns(['dataset_id', 'created_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lab_runs').execute();
  await db.schema.dropTable('lab_datasets').execute();
}
