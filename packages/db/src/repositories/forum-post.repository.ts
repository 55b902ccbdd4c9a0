import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, ForumPostTable } from '../database.types.ts';
import { supportsRowLocks } from '../dialect.ts';

/** A stored post row. */
export type ForumPostRow = Selectable<ForumPostTable>;
/** A post with its author's name and, for edited or removed posts, who did it. */
export type ForumPostViewRow = ForumPostRow & { author_name: string; edited_by_name: string | null };

/** Inserts a post. */
export async function insertPost(db: Kysely<Database>, row: Insertable<ForumPostTable>): Promise<void> {
  await db.insertInto('forum_posts').values(row).execute();
}

/** Updates a post's columns. */
export async function updatePost(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<ForumPostTable>,
): Promise<void> {
  await db.updateTable('forum_posts').set(changes).where('id', '=', id).execute();
}

/** A post of a thread (undefined when it belongs to another thread). */
export async function findPost(
  db: Kysely<Database>,
  threadId: string,
  postId: string,
): Promise<ForumPostRow | undefined> {
  return db
    .selectFrom('forum_posts')
    .selectAll()
    .where('id', '=', postId)
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
}

/** The first post of a thread. */
export async function findFirstPost(
  db: Kysely<Database>,
  threadId: string,
): Promise<ForumPostRow | undefined> {
  return db
    .selectFrom('forum_posts')
    .selectAll()
    .where('thread_id', '=', threadId)
    .where('number', '=', 1)
    .executeTakeFirst();
}

/** Every post of a thread in order, with author names (removed posts included: the page shows a notice). */
export async function listPostsOfThread(db: Kysely<Database>, threadId: string): Promise<ForumPostViewRow[]> {
  return db
    .selectFrom('forum_posts as p')
    .innerJoin('users as a', 'a.id', 'p.author_id')
    .leftJoin('users as e', 'e.id', 'p.edited_by')
    .selectAll('p')
    .select(['a.name as author_name', 'e.name as edited_by_name'])
    .where('p.thread_id', '=', threadId)
    .orderBy('p.number')
    .execute();
}

/** True when the person has a post (not removed) in the thread. */
export async function hasPostedInThread(
  db: Kysely<Database>,
  threadId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('forum_posts')
    .select('id')
    .where('thread_id', '=', threadId)
    .where('author_id', '=', userId)
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many posts a person wrote since an instant, and the time of the oldest of them (rate limit). */
export async function countPostsSince(
  db: Kysely<Database>,
  userId: string,
  since: string,
): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('forum_posts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('author_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldest: (row?.oldest as string | null | undefined) ?? null };
}

/**
 * Records that a person read a thread up to post `number`; never moves the mark back (an older page loaded late
 * cannot make read posts unread again).
 */
export async function markThreadRead(
  db: Kysely<Database>,
  userId: string,
  threadId: string,
  number: number,
  at: string,
): Promise<void> {
  await db
    .insertInto('forum_reads')
    .values({ user_id: userId, thread_id: threadId, last_read_number: number, read_at: at })
    .onConflict((oc) =>
      oc.columns(['user_id', 'thread_id']).doUpdateSet({
        last_read_number: sql<number>`CASE WHEN excluded.last_read_number > forum_reads.last_read_number
          THEN excluded.last_read_number ELSE forum_reads.last_read_number END`,
        read_at: (eb) => eb.ref('excluded.read_at'),
      }),
    )
    .execute();
}

/** The number of the last post a person read in a thread (0 when none). */
export async function findLastRead(db: Kysely<Database>, userId: string, threadId: string): Promise<number> {
  const row = await db
    .selectFrom('forum_reads')
    .select('last_read_number')
    .where('user_id', '=', userId)
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
  return row?.last_read_number ?? 0;
}

/** Sets a person's subscription to a forum (1) or opts them out (0). */
export async function setForumSubscription(
  db: Kysely<Database>,
  userId: string,
  forumId: string,
  subscribed: boolean,
  at: string,
): Promise<void> {
  const value = subscribed ? 1 : 0;
  await db
    .insertInto('forum_subscriptions')
    .values({ user_id: userId, forum_id: forumId, subscribed: value, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['user_id', 'forum_id']).doUpdateSet({ subscribed: value, updated_at: at }),
    )
    .execute();
}

/** Sets a person's subscription to a thread; `onlyIfUnset` keeps an earlier choice (posting subscribes). */
export async function setThreadSubscription(
  db: Kysely<Database>,
  userId: string,
  threadId: string,
  subscribed: boolean,
  at: string,
  options: { onlyIfUnset?: boolean } = {},
): Promise<void> {
  const value = subscribed ? 1 : 0;
  await db
    .insertInto('thread_subscriptions')
    .values({ user_id: userId, thread_id: threadId, subscribed: value, updated_at: at })
    .onConflict((oc) =>
      options.onlyIfUnset
        ? oc.columns(['user_id', 'thread_id']).doNothing()
        : oc.columns(['user_id', 'thread_id']).doUpdateSet({ subscribed: value, updated_at: at }),
    )
    .execute();
}

/** A person's explicit choices about one forum and one thread (undefined: no choice made). */
export async function findSubscriptionChoices(
  db: Kysely<Database>,
  userId: string,
  forumId: string,
  threadId: string | null,
): Promise<{ forum: boolean | undefined; thread: boolean | undefined }> {
  const forum = await db
    .selectFrom('forum_subscriptions')
    .select('subscribed')
    .where('user_id', '=', userId)
    .where('forum_id', '=', forumId)
    .executeTakeFirst();
  const thread = threadId
    ? await db
        .selectFrom('thread_subscriptions')
        .select('subscribed')
        .where('user_id', '=', userId)
        .where('thread_id', '=', threadId)
        .executeTakeFirst()
    : undefined;
  return {
    forum: forum === undefined ? undefined : forum.subscribed === 1,
    thread: thread === undefined ? undefined : thread.subscribed === 1,
  };
}

/** Every explicit choice about a forum and one of its threads (the notification fan-out reads them once). */
export async function listSubscriptionChoices(db: Kysely<Database>, forumId: string, threadId: string) {
  const forum = await db
    .selectFrom('forum_subscriptions')
    .select(['user_id', 'subscribed'])
    .where('forum_id', '=', forumId)
    .execute();
  const thread = await db
    .selectFrom('thread_subscriptions')
    .select(['user_id', 'subscribed'])
    .where('thread_id', '=', threadId)
    .execute();
  return { forum, thread };
}

/** A person's forum choices in a cohort (forum id → subscribed). */
export async function listForumChoicesOfUser(db: Kysely<Database>, cohortId: string, userId: string) {
  return db
    .selectFrom('forum_subscriptions as s')
    .innerJoin('forums as f', 'f.id', 's.forum_id')
    .select(['s.forum_id', 's.subscribed'])
    .where('f.cohort_id', '=', cohortId)
    .where('s.user_id', '=', userId)
    .execute();
}

/**
 * Locks a person's user row until the transaction ends (PostgreSQL), so that two posts of theirs at the same moment
 * count each other for the rate limit; SQLite transactions already run one at a time.
 */
export async function lockPoster(db: Kysely<Database>, userId: string): Promise<void> {
  if (supportsRowLocks(db))
    await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/** A post's attachment with what the page shows of its file. */
export interface PostFileRow {
  post_id: string;
  file_id: string;
  original_name: string;
  file_type: string;
  media_type: string;
  size_bytes: number | string;
}

/** Links kept files to a post, in the order given. */
export async function insertPostFiles(db: Kysely<Database>, postId: string, fileIds: readonly string[]) {
  if (fileIds.length === 0) return;
  await db
    .insertInto('forum_post_files')
    .values(fileIds.map((fileId, position) => ({ post_id: postId, file_id: fileId, position })))
    .execute();
}

/** The attachments of a thread's posts, by post then position. */
export async function listFilesOfThread(db: Kysely<Database>, threadId: string): Promise<PostFileRow[]> {
  return db
    .selectFrom('forum_post_files as pf')
    .innerJoin('forum_posts as p', 'p.id', 'pf.post_id')
    .innerJoin('stored_files as f', 'f.id', 'pf.file_id')
    .where('p.thread_id', '=', threadId)
    .select(['pf.post_id', 'pf.file_id', 'f.original_name', 'f.file_type', 'f.media_type', 'f.size_bytes'])
    .orderBy('pf.post_id')
    .orderBy('pf.position')
    .execute();
}

/** The post of a thread a file is attached to (undefined when the file is not one of that thread's). */
export async function findPostOfFile(
  db: Kysely<Database>,
  threadId: string,
  fileId: string,
): Promise<ForumPostRow | undefined> {
  return db
    .selectFrom('forum_post_files as pf')
    .innerJoin('forum_posts as p', 'p.id', 'pf.post_id')
    .where('pf.file_id', '=', fileId)
    .where('p.thread_id', '=', threadId)
    .selectAll('p')
    .executeTakeFirst();
}
