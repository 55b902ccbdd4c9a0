import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../database.types.ts';
import { dialectName } from '../dialect.ts';

/**
 * Who is reading a cohort's forums, as the list, count and search queries filter. Core's forum policy decides each
 * flag (`forumReaderScope`); these queries only apply them, and a test checks that they agree with `can()` post by
 * post.
 */
export interface ForumReaderScope {
  readonly userId: string;
  readonly cohortId: string;
  /** Reads every group's private forum (tutors, managers, site admins). */
  readonly allGroupForums: boolean;
  /** Sees every group's threads in separate-groups forums. */
  readonly allGroupThreads: boolean;
  /** Sees every reply in Q&A forums without having posted. */
  readonly allReplies: boolean;
  /** The reader's own group in the cohort (learners), if any. */
  readonly groupId: string | null;
}

type Scoped = ExpressionBuilder<
  Database & { t: Database['forum_threads']; f: Database['forums']; p: Database['forum_posts'] },
  't' | 'f' | 'p'
>;
type ThreadScoped = ExpressionBuilder<
  Database & { t: Database['forum_threads']; f: Database['forums'] },
  't' | 'f'
>;

/** The threads (alias `t`, forum `f`) a reader may see: not deleted, in the cohort, group rules applied. */
export function visibleThread(eb: ThreadScoped, s: ForumReaderScope): Expression<SqlBool> {
  const own = s.groupId;
  const parts: Expression<SqlBool>[] = [eb('t.deleted_at', 'is', null), eb('t.cohort_id', '=', s.cohortId)];
  if (!s.allGroupForums)
    parts.push(eb.or([eb('f.kind', '<>', 'group'), ...(own ? [eb('f.group_id', '=', own)] : [])]));
  if (!s.allGroupThreads)
    parts.push(
      eb.or([
        eb('f.group_mode', '<>', 'separate'),
        eb('t.group_id', 'is', null),
        ...(own ? [eb('t.group_id', '=', own)] : []),
      ]),
    );
  return eb.and(parts);
}

/** The posts (alias `p` in thread `t`, forum `f`) a reader may see: not removed, Q&A rule applied. */
export function visiblePost(eb: Scoped, s: ForumReaderScope): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [
    visibleThread(eb as unknown as ThreadScoped, s),
    eb('p.deleted_at', 'is', null),
  ];
  if (!s.allReplies)
    parts.push(
      eb.or([
        eb('f.kind', '<>', 'qa'),
        eb('p.number', '=', 1),
        eb('p.author_id', '=', s.userId),
        eb.exists(
          eb
            .selectFrom('forum_posts as q')
            .select('q.id')
            .whereRef('q.thread_id', '=', 't.id')
            .where('q.author_id', '=', s.userId)
            .where('q.deleted_at', 'is', null),
        ),
      ]),
    );
  return eb.and(parts);
}

/** Per forum of the cohort: visible threads, the latest visible post and the reader's unread posts. */
export async function listForumActivity(db: Kysely<Database>, s: ForumReaderScope) {
  const threads = await db
    .selectFrom('forum_threads as t')
    .innerJoin('forums as f', 'f.id', 't.forum_id')
    .select((eb) => [
      't.forum_id',
      eb.fn.countAll<number>().as('threads'),
      eb.fn.max('t.last_post_at').as('last'),
    ])
    .where((eb) => visibleThread(eb, s))
    .groupBy('t.forum_id')
    .execute();
  const unread = await unreadPosts(db, s)
    .select((eb) => ['t.forum_id', eb.fn.countAll<number>().as('unread')])
    .groupBy('t.forum_id')
    .execute();
  const unreadOf = new Map(unread.map((u) => [u.forum_id, Number(u.unread)]));
  return threads.map((t) => ({
    forumId: t.forum_id,
    threads: Number(t.threads),
    lastPostAt: (t.last as string | null) ?? null,
    unread: unreadOf.get(t.forum_id) ?? 0,
  }));
}

/** The visible posts of the cohort a reader has not read (not their own). */
function unreadPosts(db: Kysely<Database>, s: ForumReaderScope) {
  return db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
    .innerJoin('forums as f', 'f.id', 't.forum_id')
    .leftJoin('forum_reads as r', (join) =>
      join.onRef('r.thread_id', '=', 't.id').on('r.user_id', '=', s.userId),
    )
    .where((eb) => visiblePost(eb, s))
    .where('p.author_id', '<>', s.userId)
    .where((eb) => eb('p.number', '>', eb.fn.coalesce('r.last_read_number', sql.lit(0))));
}

/** The threads of one forum a reader may see: pinned first, then latest activity; with counts for the reader. */
export async function listVisibleThreads(
  db: Kysely<Database>,
  s: ForumReaderScope,
  forumId: string,
  page: { limit: number; offset: number },
) {
  const rows = await db
    .selectFrom('forum_threads as t')
    .innerJoin('forums as f', 'f.id', 't.forum_id')
    .innerJoin('users as a', 'a.id', 't.author_id')
    .leftJoin('forum_reads as r', (join) =>
      join.onRef('r.thread_id', '=', 't.id').on('r.user_id', '=', s.userId),
    )
    .selectAll('t')
    .select(['a.name as author_name', 'r.last_read_number'])
    .select((eb) => [
      eb
        .selectFrom('forum_posts as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.thread_id', '=', 't.id')
        .where((e) => visiblePost(e as unknown as Scoped, s))
        .as('posts'),
      eb
        .selectFrom('forum_posts as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.thread_id', '=', 't.id')
        .where('p.author_id', '<>', s.userId)
        .where((e) => e('p.number', '>', e.fn.coalesce('r.last_read_number', sql.lit(0))))
        .where((e) => visiblePost(e as unknown as Scoped, s))
        .as('unread'),
    ])
    .where('t.forum_id', '=', forumId)
    .where((eb) => visibleThread(eb, s))
    .orderBy('t.pinned', 'desc')
    .orderBy('t.last_post_at', 'desc')
    .orderBy('t.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({ ...r, posts: Number(r.posts ?? 0), unread: Number(r.unread ?? 0) }));
}

/** How many threads of one forum a reader may see. */
export async function countVisibleThreads(db: Kysely<Database>, s: ForumReaderScope, forumId: string) {
  const row = await db
    .selectFrom('forum_threads as t')
    .innerJoin('forums as f', 'f.id', 't.forum_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.forum_id', '=', forumId)
    .where((eb) => visibleThread(eb, s))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Full-text search over the posts a reader may see, best matches first. `terms` are normalised words
 * (`[a-z0-9]+`, see core's `searchTerms`); each matches as a prefix and all must match. SQLite answers from the
 * FTS5 table (bm25 rank), PostgreSQL from the GIN-indexed tsvector (ts_rank) — the one place the dialects differ.
 */
export async function searchVisiblePosts(
  db: Kysely<Database>,
  s: ForumReaderScope,
  terms: readonly string[],
  limit: number,
) {
  if (terms.length === 0 || terms.some((t) => !/^[a-z0-9]+$/.test(t))) return [];
  const base = db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
    .innerJoin('forums as f', 'f.id', 't.forum_id')
    .innerJoin('users as a', 'a.id', 'p.author_id')
    .select([
      'p.id',
      'p.number',
      'p.body',
      'p.created_at',
      'p.thread_id',
      't.title as thread_title',
      't.forum_id',
      'a.name as author_name',
    ])
    .where((eb) => visiblePost(eb, s))
    .limit(limit);
  if (dialectName(db) === 'postgres') {
    const query = sql`to_tsquery('simple', ${terms.map((t) => `${t}:*`).join(' & ')})`;
    return base
      .where(sql<SqlBool>`p.search_vector @@ ${query}`)
      .orderBy(sql`ts_rank(p.search_vector, ${query})`, 'desc')
      .orderBy('p.created_at', 'desc')
      .execute();
  }
  const match = terms.map((t) => `"${t}"*`).join(' ');
  return base
    .innerJoin(
      sql<{
        post_id: string;
        rank: number;
      }>`(SELECT post_id, rank FROM forum_posts_fts WHERE forum_posts_fts MATCH ${match})`.as('s'),
      (join) => join.onRef('s.post_id', '=', 'p.id'),
    )
    .orderBy('s.rank')
    .orderBy('p.created_at', 'desc')
    .execute();
}
