import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports app types. Portable types only: text ids, ISO-8601 UTC text
// timestamps, integer scores, JSON as text.

/**
 * The Observatory's cohort data: country table sets that learners and groups publish from the Lab (the tables in the
 * stats engine's tidy JSON), and policy-coherence assessments (objectives of employment, education/training and
 * labour-migration policies, and the score of each pair with its evidence). Each belongs to a learner or a group of
 * a cohort (`owner_key` is `user:<id>` or `group:<id>`, as in 0008-assignments).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('observatory_table_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    // ISO 3166-1 alpha-3 code of the country the tables describe.
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reference_year', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    // The engine's tidy JSON tables ({ id, title, indicator, unit, dims, notes, rows }[]).
    .addColumn('tables', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('observatory_table_sets_cohort_idx')
    .on('observatory_table_sets')
    .columns(['cohort_id', 'published_at'])
    .execute();

  await db.schema
    .createTable('coherence_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coherence_cases_cohort_idx')
    .on('coherence_cases')
    .columns(['cohort_id', 'owner_key'])
    .execute();

  await db.schema
    .createTable('coherence_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('coherence_cases.id').onDelete('cascade'))
    // employment | education | migration
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('coherence_scores')
    .addColumn('case_id', 'text', (c) => c.notNull().references('coherence_cases.id').onDelete('cascade'))
    // The pair in a fixed order (the smaller id first), so a pair has one score.
    .addColumn('first_id', 'text', (c) =>
      c.notNull().references('coherence_objectives.id').onDelete('cascade'),
    )
    .addColumn('second_id', 'text', (c) =>
      c.notNull().references('coherence_objectives.id').onDelete('cascade'),
    )
    // -1 conflict, 0 neutral, 1 synergy
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('scored_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coherence_scores_pk', ['case_id', 'first_id', 'second_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('coherence_scores').execute();
  await db.schema.dropTable('coherence_objectives').execute();
  await db.schema.dropTable('coherence_cases').execute();
  await db.schema.dropTable('observatory_table_sets').execute();
}
