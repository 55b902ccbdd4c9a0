import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports app types. Portable types only: text ids, ISO-8601 UTC text
// timestamps, integer 0/1 booleans, JSON as text.

/**
 * The live support desk of a cohort: learners' questions (who asked, who is answering, since when the question
 * waits for a tutor, the forum FAQ post made from it), the conversation of each question, and which tutors are on
 * the desk (presence in the database, so every server process sees the same tutors online).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('support_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('asker_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.references('users.id'))
    .addColumn('claimed_at', 'text')
    .addColumn('awaiting_since', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('faq_thread_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('support_questions_queue_idx')
    .on('support_questions')
    .columns(['cohort_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('support_questions_asker_idx')
    .on('support_questions')
    .columns(['asker_id', 'cohort_id'])
    .execute();

  await db.schema
    .createTable('support_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) =>
      c.notNull().references('support_questions.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('support_messages_question_idx')
    .on('support_messages')
    .columns(['question_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('support_presence')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('available', 'integer', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('support_presence_pk', ['cohort_id', 'user_id'])
    .execute();
}

/** Drops everything `up` created, in reverse order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('support_presence').execute();
  await db.schema.dropTable('support_messages').execute();
  await db.schema.dropTable('support_questions').execute();
}
