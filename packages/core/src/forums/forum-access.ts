import {
  findForum,
  findThreadWithForum,
  hasPostedInThread,
  type CohortRow,
  type Database,
  type ForumReaderScope,
  type ForumRow,
  type Kysely,
  type ThreadWithForumRow,
} from '@labmig/db';
import type { Actor, UserActor } from '../access/actor.ts';
import { assertCan, can } from '../access/can.ts';
import {
  loadGroupRelations,
  type ForumAccess,
  type GroupRelations,
  type PostAccess,
  type ThreadAccess,
} from '../access/group-access.ts';
import { loadCohortAccess, type CohortAccess } from '../access/membership.ts';
import { NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';

/** A cohort's forums as one command sees them: the actor, their membership and their group relations, loaded once. */
export interface ForumsContext {
  readonly actor: UserActor;
  readonly cohort: CohortRow;
  readonly access: CohortAccess;
  readonly groups: GroupRelations | null;
}

/**
 * Loads the cohort, the actor's membership and group relations, and asserts `forum.view`. Throws
 * UnauthenticatedError, NotFoundError `cohort.not_found` (also to outsiders), ForbiddenError.
 */
export async function loadForumsContext(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
): Promise<ForumsContext> {
  const { cohort, access } = await loadCohortAccess(db, actor, cohortId);
  assertCan(actor, 'forum.view', access, { hidden: 'cohort.not_found' });
  return { actor, cohort, access, groups: await loadGroupRelations(db, actor, cohort.id) };
}

/** The forum policy's view of a forum row. */
export function forumAccessOf(
  ctx: ForumsContext,
  forum: Pick<ForumRow, 'kind' | 'group_id' | 'group_mode'>,
): ForumAccess {
  return {
    kind: 'forum',
    cohortId: ctx.access.cohortId,
    membership: ctx.access.membership,
    groups: ctx.groups,
    forum: { kind: forum.kind, groupId: forum.group_id, groupMode: forum.group_mode },
  };
}

/** The forum policy's view of a thread row (with its forum) for the context's actor. */
export function threadAccessOf(
  ctx: ForumsContext,
  thread: ThreadWithForumRow,
  hasPosted: boolean,
): ThreadAccess {
  return {
    ...forumAccessOf(ctx, {
      kind: thread.forum_kind,
      group_id: thread.forum_group_id,
      group_mode: thread.forum_group_mode,
    }),
    kind: 'thread',
    thread: { groupId: thread.group_id, locked: thread.locked === 1 },
    reader: { userId: ctx.actor.userId, hasPosted },
  };
}

/** The forum policy's view of a post of a thread. */
export function postAccessOf(thread: ThreadAccess, authorUserId: string): PostAccess {
  return { ...thread, kind: 'post', authorUserId };
}

/**
 * A forum of the context's cohort the actor may read; anything else — another cohort's forum, another group's
 * forum — is "not found", so ids cannot be probed.
 */
export async function loadReadableForum(db: Kysely<Database>, ctx: ForumsContext, forumId: string) {
  const forum = await findForum(db, ctx.cohort.id, forumId);
  if (!forum || !can(ctx.actor, 'forum.read', forumAccessOf(ctx, forum)))
    throw new NotFoundError('forum.not_found');
  return { forum, access: forumAccessOf(ctx, forum) };
}

/**
 * A thread of the context's cohort the actor may read, with its policy view; anything else is "not found".
 * `forUpdate` locks the thread row (PostgreSQL) for numbering a new post.
 */
export async function loadReadableThread(
  db: Kysely<Database>,
  ctx: ForumsContext,
  threadId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ readonly thread: ThreadWithForumRow; readonly access: ThreadAccess }> {
  const thread = await findThreadWithForum(db, ctx.cohort.id, threadId, options);
  if (!thread) throw new NotFoundError('forum.thread_not_found');
  const access = threadAccessOf(ctx, thread, await hasPostedInThread(db, thread.id, ctx.actor.userId));
  if (!can(ctx.actor, 'thread.read', access)) throw new NotFoundError('forum.thread_not_found');
  return { thread, access };
}

/**
 * Whether the reader of a thread sees one of its posts that is not removed: the opening post, their own, and the
 * others' replies when the policy lets them (in a Q&A forum, once they posted).
 */
export function seesPost(
  ctx: ForumsContext,
  access: ThreadAccess,
  post: { readonly number: number; readonly author_id: string; readonly deleted_at: string | null },
): boolean {
  return (
    post.deleted_at === null &&
    (post.number === 1 ||
      post.author_id === ctx.actor.userId ||
      can(ctx.actor, 'thread.read-replies', access))
  );
}

/** No group id can be this: a thing "of a group nobody is in" asks the policy about reading every group. */
const NO_GROUP = '\u0000no-group';

/**
 * What the list, count and search queries may show the actor, decided by the forum policy itself: a forum of a
 * group they are not in, a separate-groups thread of such a group, a Q&A reply before posting.
 */
export function readerScope(ctx: ForumsContext): ForumReaderScope {
  const base = forumAccessOf(ctx, { kind: 'group', group_id: NO_GROUP, group_mode: 'none' });
  const separate: ThreadAccess = {
    ...forumAccessOf(ctx, { kind: 'module', group_id: null, group_mode: 'separate' }),
    kind: 'thread',
    thread: { groupId: NO_GROUP, locked: false },
    reader: null,
  };
  const qa: ThreadAccess = {
    ...forumAccessOf(ctx, { kind: 'qa', group_id: null, group_mode: 'none' }),
    kind: 'thread',
    thread: { groupId: null, locked: false },
    reader: { userId: ctx.actor.userId, hasPosted: false },
  };
  const own = ctx.groups && ctx.groups.userId === ctx.actor.userId && ctx.groups.cohortId === ctx.cohort.id;
  return {
    userId: ctx.actor.userId,
    cohortId: ctx.cohort.id,
    allGroupForums: can(ctx.actor, 'forum.read', base),
    allGroupThreads: can(ctx.actor, 'thread.read', separate),
    allReplies: can(ctx.actor, 'thread.read-replies', qa),
    groupId: own ? ctx.groups!.memberOf : null,
  };
}

/** Throws UnauthenticatedError for anonymous actors (commands that take an actor straight from the web). */
export function signedIn(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  return actor;
}
