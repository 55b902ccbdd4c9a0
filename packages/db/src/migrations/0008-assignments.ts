import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports app types. Portable types only: text ids, ISO-8601 UTC text
// timestamps, integer 0/1 booleans, JSON as text, `double precision` for grades (REAL affinity on SQLite).

/**
 * Assignments: definitions per course (from content),
 * submissions per learner or group and attempt (with their files and the history of who changed what), grade
 * versions (the marking workflow: every save, ready and release is a new version, so nothing is overwritten and
 * regrades keep their history), feedback files, and extensions. Files are `stored_files` rows (0005-platform);
 * group work belongs to `groups` (0007-forums-groups).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignment_definitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('assignment_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    // Set when the file left the course; kept (hidden) because submissions may refer to it.
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assignment_definitions_course_key_uq', ['course_id', 'assignment_key'])
    .execute();

  await db.schema
    .createTable('assignment_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) =>
      c.notNull().references('assignment_definitions.id').onDelete('cascade'),
    )
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    // `user:<id>` or `group:<id>`: one key for the unique constraint on both dialects (NULLs never collide).
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    // Bumped by every change: a save that started from an older version is a conflict, never an overwrite.
    .addColumn('version', 'integer', (c) => c.notNull())
    // The latest grade version; a tutor's save names the version it started from (optimistic check).
    .addColumn('grade_version', 'integer', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('assignment_submissions_owner_attempt_uq', [
      'assignment_id',
      'cohort_id',
      'owner_key',
      'attempt',
    ])
    .execute();
  await db.schema
    .createIndex('assignment_submissions_cohort_idx')
    .on('assignment_submissions')
    .columns(['cohort_id', 'assignment_id'])
    .execute();

  await db.schema
    .createTable('assignment_submission_files')
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().references('assignment_submissions.id').onDelete('cascade'),
    )
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_files.id').onDelete('cascade'))
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assignment_submission_files_pk', ['submission_id', 'file_id'])
    .execute();

  await db.schema
    .createTable('assignment_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().references('assignment_submissions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    // Order within the submission (entries of one request share a timestamp).
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assignment_history_position_uq', ['submission_id', 'position'])
    .execute();

  await db.schema
    .createTable('assignment_grade_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().references('assignment_submissions.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('marks', 'text', (c) => c.notNull())
    .addColumn('grade', 'double precision')
    .addColumn('feedback', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('saved_at', 'text', (c) => c.notNull())
    // Two tutors saving from the same version: the second insert fails here, and nothing is overwritten.
    .addUniqueConstraint('assignment_grade_versions_uq', ['submission_id', 'version'])
    .execute();

  // Files a tutor returns with a grade: visible to the learner from the released version that added them
  // until a released version that removed them.
  await db.schema
    .createTable('assignment_feedback_files')
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().references('assignment_submissions.id').onDelete('cascade'),
    )
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_files.id').onDelete('cascade'))
    .addColumn('added_in_version', 'integer', (c) => c.notNull())
    .addColumn('removed_in_version', 'integer')
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('assignment_feedback_files_pk', ['submission_id', 'file_id'])
    .execute();

  await db.schema
    .createTable('assignment_extensions')
    .addColumn('assignment_id', 'text', (c) =>
      c.notNull().references('assignment_definitions.id').onDelete('cascade'),
    )
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assignment_extensions_pk', ['assignment_id', 'cohort_id', 'owner_key'])
    .execute();
}

/** Drops everything `up` created, in reverse order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assignment_extensions').execute();
  await db.schema.dropTable('assignment_feedback_files').execute();
  await db.schema.dropTable('assignment_grade_versions').execute();
  await db.schema.dropTable('assignment_history').execute();
  await db.schema.dropTable('assignment_submission_files').execute();
  await db.schema.dropTable('assignment_submissions').execute();
  await db.schema.dropTable('assignment_definitions').execute();
}
