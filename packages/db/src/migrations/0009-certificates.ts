import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports app types. Portable types only: text ids, ISO-8601 UTC text
// timestamps, integer 0/1 booleans, JSON as text.

/**
 * Certificates and diplomas (the signed credential exactly as signed, revocation with date and reason, who issued
 * an exception and why), the newest signed text of each revocation list, and the counter that hands out
 * status-list positions.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cohort_id', 'text', (c) => c.references('cohorts.id'))
    .addColumn('programme_slug', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('status_list', 'integer', (c) => c.notNull())
    .addColumn('status_index', 'integer', (c) => c.notNull())
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('users.id'))
    .addColumn('issue_reason', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('revoke_reason', 'text')
    .addUniqueConstraint('certificates_code_uq', ['code'])
    .addUniqueConstraint('certificates_sequence_uq', ['sequence'])
    // One certificate per person per cohort, one diploma per person per programme (NULLs never collide).
    .addUniqueConstraint('certificates_user_cohort_uq', ['user_id', 'cohort_id'])
    .addUniqueConstraint('certificates_user_programme_uq', ['user_id', 'programme_slug'])
    .execute();
  await db.schema.createIndex('certificates_cohort_idx').on('certificates').column('cohort_id').execute();

  await db.schema
    .createTable('certificate_status_lists')
    .addColumn('list', 'integer', (c) => c.primaryKey())
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('certificate_counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_value', 'integer', (c) => c.notNull())
    .execute();
}

/** Drops everything `up` created, in reverse order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificate_counters').execute();
  await db.schema.dropTable('certificate_status_lists').execute();
  await db.schema.dropTable('certificates').execute();
}
