import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports app types. Portable types only: text ids, ISO-8601 UTC text
// timestamps, integer 0/1 booleans, JSON as text. The full-text index is the one part that differs: an FTS5 table
// kept by triggers on SQLite, a generated tsvector column with a GIN index on PostgreSQL. Both read
// `forum_posts.search_text`, which the application normalises (lower case, no accents, words separated by single
// spaces), so both dialects see the same words.

/**
 * Creates groups (with members and a tutor), forums, threads, posts (with the full-text index), read marks,
 * forum and thread subscriptions, and the notification tables (in-app list, mail choices, daily digests sent).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tutor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('groups_cohort_name_uq', ['cohort_id', 'name'])
    .execute();
  await db.schema.createIndex('groups_tutor_idx').on('groups').columns(['tutor_user_id']).execute();

  await db.schema
    .createTable('group_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    // One group per learner per cohort: group work and group submissions need a single answer.
    .addUniqueConstraint('group_members_cohort_user_uq', ['cohort_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_group_idx').on('group_members').columns(['group_id']).execute();

  await db.schema
    .createTable('forums')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('module_id', 'text')
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('cascade'))
    .addColumn('title', 'text')
    .addColumn('intro', 'text')
    .addColumn('group_mode', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('forums_cohort_slot_uq', ['cohort_id', 'slot'])
    .execute();

  await db.schema
    .createTable('forum_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('pinned', 'integer', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_post_at', 'text', (c) => c.notNull())
    .addColumn('last_post_number', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('forum_threads_forum_idx')
    .on('forum_threads')
    .columns(['forum_id', 'pinned', 'last_post_at'])
    .execute();

  await db.schema
    .createTable('forum_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('forum_threads.id').onDelete('cascade'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('reply_to_id', 'text', (c) => c.references('forum_posts.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('edited_by', 'text', (c) => c.references('users.id'))
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text', (c) => c.references('users.id'))
    .addColumn('delete_reason', 'text')
    .addUniqueConstraint('forum_posts_thread_number_uq', ['thread_id', 'number'])
    .execute();
  // The posting rate limit counts a person's recent posts.
  await db.schema
    .createIndex('forum_posts_author_idx')
    .on('forum_posts')
    .columns(['author_id', 'created_at'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`ALTER TABLE forum_posts ADD COLUMN search_vector tsvector
      GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`.execute(db);
    await sql`CREATE INDEX forum_posts_search_idx ON forum_posts USING gin (search_vector)`.execute(db);
  } else {
    // A standalone FTS5 table (its own copy of the text) keyed by post id, kept in step by triggers. Not an
    // external-content table: those are keyed by rowid, which VACUUM may renumber on a table with a text key.
    await sql`CREATE VIRTUAL TABLE forum_posts_fts USING fts5(
      search_text, post_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    await sql`CREATE TRIGGER forum_posts_fts_insert AFTER INSERT ON forum_posts BEGIN
      INSERT INTO forum_posts_fts (search_text, post_id) VALUES (new.search_text, new.id); END`.execute(db);
    await sql`CREATE TRIGGER forum_posts_fts_update AFTER UPDATE OF search_text ON forum_posts BEGIN
      DELETE FROM forum_posts_fts WHERE post_id = old.id;
      INSERT INTO forum_posts_fts (search_text, post_id) VALUES (new.search_text, new.id); END`.execute(db);
    await sql`CREATE TRIGGER forum_posts_fts_delete AFTER DELETE ON forum_posts BEGIN
      DELETE FROM forum_posts_fts WHERE post_id = old.id; END`.execute(db);
  }

  await db.schema
    .createTable('forum_reads')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'text', (c) => c.notNull().references('forum_threads.id').onDelete('cascade'))
    .addColumn('last_read_number', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_reads_pk', ['user_id', 'thread_id'])
    .execute();

  await db.schema
    .createTable('forum_subscriptions')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('subscribed', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_subscriptions_pk', ['user_id', 'forum_id'])
    .execute();
  await db.schema
    .createIndex('forum_subscriptions_forum_idx')
    .on('forum_subscriptions')
    .columns(['forum_id'])
    .execute();

  await db.schema
    .createTable('thread_subscriptions')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'text', (c) => c.notNull().references('forum_threads.id').onDelete('cascade'))
    .addColumn('subscribed', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_subscriptions_pk', ['user_id', 'thread_id'])
    .execute();
  await db.schema
    .createIndex('thread_subscriptions_thread_idx')
    .on('thread_subscriptions')
    .columns(['thread_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('mail_state', 'text', (c) => c.notNull())
    .addColumn('mailed_at', 'text')
    .addUniqueConstraint('notifications_user_kind_source_uq', ['user_id', 'kind', 'source_id'])
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_mail_idx')
    .on('notifications')
    .columns(['mail_state', 'user_id'])
    .execute();
  await db.schema
    .createIndex('notifications_source_idx')
    .on('notifications')
    .columns(['source_id'])
    .execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('email_mode', 'text', (c) => c.notNull())
    .addColumn('unsubscribe_secret', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'cohort_id'])
    .execute();

  await db.schema
    .createTable('notification_digests')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_digests_pk', ['user_id', 'day'])
    .execute();

  // A post's attachments: stored files (checked by content, kept with the post), in the order they were sent.
  await db.schema
    .createTable('forum_post_files')
    .addColumn('post_id', 'text', (c) => c.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_files.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_post_files_pk', ['post_id', 'file_id'])
    .addUniqueConstraint('forum_post_files_file_unique', ['file_id'])
    .execute();
}

/** Drops everything `up` created, in reverse order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('forum_post_files').execute();
  await db.schema.dropTable('notification_digests').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('thread_subscriptions').execute();
  await db.schema.dropTable('forum_subscriptions').execute();
  await db.schema.dropTable('forum_reads').execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`DROP TRIGGER forum_posts_fts_delete`.execute(db);
    await sql`DROP TRIGGER forum_posts_fts_update`.execute(db);
    await sql`DROP TRIGGER forum_posts_fts_insert`.execute(db);
    await sql`DROP TABLE forum_posts_fts`.execute(db);
  }
  await db.schema.dropTable('forum_posts').execute();
  await db.schema.dropTable('forum_threads').execute();
  await db.schema.dropTable('forums').execute();
  await db.schema.dropTable('group_members').execute();
  await db.schema.dropTable('groups').execute();
}
