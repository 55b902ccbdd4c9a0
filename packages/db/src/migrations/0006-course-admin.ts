import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports app types. Portable types only: text ids, ISO-8601 UTC text
// timestamps, integer 0/1 booleans, JSON as text.

/**
 * Course administration in the browser:
 * - `audit_events`: who did what, when, to what (a generic log written in the same transaction as each change);
 * - cohorts get a life cycle (`state`: open, closed, archived) and `approval_required` (applications wait for the
 *   course team); enrolments keep the reason of a withdrawal or a refusal (`status_reason`);
 * - users can be deactivated (`deactivated_at`) and turn the course reminders off (`reminders_enabled`);
 *   `mail_secret` signs their one-click unsubscribe links;
 * - `email_changes`: single-use links that confirm a new address before it replaces the old one;
 * - `reminder_deliveries`: one row per reminder and person, so a reminder goes out once however many processes run.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('cohort_id', 'text', (c) => c.references('cohorts.id').onDelete('set null'))
    .addColumn('person_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
  await db.schema
    .createIndex('audit_events_occurred_idx')
    .on('audit_events')
    .columns(['occurred_at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_cohort_idx')
    .on('audit_events')
    .columns(['cohort_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('audit_events_person_idx')
    .on('audit_events')
    .columns(['person_user_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('audit_events_actor_idx')
    .on('audit_events')
    .columns(['actor_user_id', 'occurred_at'])
    .execute();

  await db.schema
    .alterTable('cohorts')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .execute();
  await db.schema
    .alterTable('cohorts')
    .addColumn('approval_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('enrolments').addColumn('status_reason', 'text').execute();
  await db.schema
    .createIndex('enrolments_cohort_status_idx')
    .on('enrolments')
    .columns(['cohort_id', 'status', 'role'])
    .execute();

  await db.schema.alterTable('users').addColumn('deactivated_at', 'text').execute();
  await db.schema
    .alterTable('users')
    .addColumn('reminders_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('users').addColumn('mail_secret', 'text').execute();

  await db.schema
    .createTable('email_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('new_email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('email_changes_user_idx').on('email_changes').column('user_id').execute();

  await db.schema
    .createTable('reminder_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminder_deliveries_once_uq', ['kind', 'event_key', 'user_id'])
    .execute();
}

/** Undoes `up`, in reverse order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminder_deliveries').execute();
  await db.schema.dropTable('email_changes').execute();
  await db.schema.alterTable('users').dropColumn('mail_secret').execute();
  await db.schema.alterTable('users').dropColumn('reminders_enabled').execute();
  await db.schema.alterTable('users').dropColumn('deactivated_at').execute();
  await db.schema.dropIndex('enrolments_cohort_status_idx').execute();
  await db.schema.alterTable('enrolments').dropColumn('status_reason').execute();
  await db.schema.alterTable('cohorts').dropColumn('approval_required').execute();
  await db.schema.alterTable('cohorts').dropColumn('state').execute();
  await db.schema.dropTable('audit_events').execute();
}
