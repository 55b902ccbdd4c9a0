import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports app types. Portable types only: text ids,
// ISO-8601 UTC text timestamps, integer 0/1 booleans.

/**
 * Creates the learning tables: `lesson_progress` (one row per lesson a learner marked done; "not done" is the
 * absence of a row) and `calendar_feed_tokens` (the sha256 of each enrolment's private iCalendar token).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lesson_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lesson_progress_enrolment_lesson_uq', ['enrolment_id', 'module_id', 'lesson_id'])
    .execute();

  await db.schema
    .createTable('calendar_feed_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) =>
      c.notNull().unique().references('enrolments.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops everything `up` created, in reverse order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feed_tokens').execute();
  await db.schema.dropTable('lesson_progress').execute();
}
