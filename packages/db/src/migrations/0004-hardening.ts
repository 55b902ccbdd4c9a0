import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports app types. Portable types only: text ids, ISO-8601 UTC text
// timestamps, integer 0/1 booleans.

/**
 * Hardening of accounts: rate-limit buckets that are reserved atomically (they replace `login_attempts`, whose
 * count was read before the password check and written after it), the browsers a user signed in from (device
 * cookies: their sign-ins are not blocked by others' failures), email confirmation (users.email_confirmed_at,
 * confirmation links, and the cohort setting that requires a confirmed address to enrol, on by default).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limits_window_started_at_idx')
    .on('rate_limits')
    .column('window_started_at')
    .execute();

  await db.schema
    .createTable('sign_in_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_devices_user_id_idx')
    .on('sign_in_devices')
    .column('user_id')
    .execute();

  await db.schema.dropTable('login_attempts').execute();

  // Accounts that exist already are not confirmed: their next enrolment asks them to confirm (their enrolments stay).
  await db.schema.alterTable('users').addColumn('email_confirmed_at', 'text').execute();
  await db.schema
    .alterTable('cohorts')
    .addColumn('require_confirmed_email', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('email_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('email_confirmations_user_id_idx')
    .on('email_confirmations')
    .column('user_id')
    .execute();
}

/** Undoes `up` (login_attempts comes back empty). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_confirmations').execute();
  await db.schema.alterTable('cohorts').dropColumn('require_confirmed_email').execute();
  await db.schema.alterTable('users').dropColumn('email_confirmed_at').execute();
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempts_key_idx')
    .on('login_attempts')
    .columns(['key', 'created_at'])
    .execute();
  await db.schema.dropTable('sign_in_devices').execute();
  await db.schema.dropTable('rate_limits').execute();
}
