import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports app types. Portable types only: text ids, ISO-8601 UTC text
// timestamps, integer 0/1 booleans, JSON as text, `double precision` for scores (REAL affinity on SQLite).

/**
 * Lab exercises: their definitions per course (with the expected values the engine computed for that content
 * version) and every attempt a learner made, graded when it was made.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lab_exercise_definitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
    .addColumn('exercise_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('expected', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lab_exercise_definitions_course_key_uq', ['course_id', 'exercise_key'])
    .execute();

  await db.schema
    .createTable('lab_exercise_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('lab_exercise_definitions.id'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Two tabs sending the same attempt: the second insert is refused, never a doubled attempt.
    .addUniqueConstraint('lab_exercise_attempts_uq', ['exercise_id', 'cohort_id', 'user_id', 'attempt'])
    .execute();
  await db.schema
    .createIndex('lab_exercise_attempts_cohort_idx')
    .on('lab_exercise_attempts')
    .columns(['cohort_id', 'user_id'])
    .execute();
}

/** Drops everything `up` created, in reverse order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lab_exercise_attempts').execute();
  await db.schema.dropTable('lab_exercise_definitions').execute();
}
