import {
  deleteNotificationsOfSources,
  findForum,
  findPost,
  listGroupsOfCohort,
  listPostsOfThread,
  updatePost,
  updateThread,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import type { App } from '../app/app.ts';
import {
  ConflictError,
  DomainValidationError,
  ForbiddenError,
  NotFoundError,
} from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { addNotifications } from '../notifications/notification.commands.ts';
import { NOTIFICATION_LIMITS } from '../notifications/notification.schema.ts';
import {
  forumAccessOf,
  loadForumsContext,
  loadReadableForum,
  loadReadableThread,
  postAccessOf,
  signedIn,
} from './forum-access.ts';
import { publishPost } from './forum-live.ts';
import { courseOfCohort } from './forum-setup.ts';
import { forumLabels } from './forum.present.ts';
import { plainExcerpt } from './forum-text.rules.ts';
import { isWithinEditWindow } from './forum.rules.ts';
import {
  moveReplySchema,
  moveThreadSchema,
  removePostSchema,
  threadFlagSchema,
  type MoveReplyInput,
  type MoveThreadInput,
  type RemovePostInput,
  type ThreadFlagInput,
} from './forum.schema.ts';

/**
 * Removes a post. Moderators remove any post with a reason, which its author is told (in the notification list and
 * by mail at once); authors remove their own post without a reason within the edit window. Removing the first post
 * removes the discussion (an author only while nobody else has replied). Notifications about what was removed are
 * withdrawn, so no digest carries it. Returns whether the whole discussion went.
 * Throws NotFoundError `forum.thread_not_found` / `forum.post_not_found`, DomainValidationError
 * `forum.reason_required`, ConflictError `forum.edit_window_closed` / `forum.thread_has_replies`, ForbiddenError.
 */
export async function removePost(
  app: App,
  actor: Actor,
  cohortId: string,
  input: RemovePostInput,
): Promise<{ threadRemoved: boolean }> {
  const data = parseInput(removePostSchema, input);
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const now = app.clock.now();
  const at = now.toISOString();
  const result = await app.db.transaction().execute(async (trx) => {
    const { thread, access } = await loadReadableThread(trx, ctx, data.threadId, { forUpdate: true });
    const post = await findPost(trx, thread.id, data.postId);
    if (!post || post.deleted_at !== null) throw new NotFoundError('forum.post_not_found');
    const moderator = can(ctx.actor, 'forum.moderate', access);
    const ownPost = post.author_id === ctx.actor.userId;
    const posts = await listPostsOfThread(trx, thread.id);
    if (moderator && !ownPost) {
      if (data.reason === '')
        throw new DomainValidationError({ reason: 'forum.reason_required' }, 'forum.reason_required');
    } else if (!moderator) {
      if (!ownPost || !can(ctx.actor, 'post.edit-own', postAccessOf(access, post.author_id)))
        throw new ForbiddenError('forum.cannot_edit');
      if (!isWithinEditWindow(post.created_at, now)) throw new ConflictError('forum.edit_window_closed');
      const othersReplied = posts.some((p) => p.deleted_at === null && p.author_id !== ctx.actor.userId);
      if (post.number === 1 && othersReplied) throw new ConflictError('forum.thread_has_replies');
    }
    const reason = moderator && !ownPost ? data.reason : null;
    await updatePost(trx, post.id, { deleted_at: at, deleted_by: ctx.actor.userId, delete_reason: reason });
    const threadRemoved = post.number === 1;
    if (threadRemoved) await updateThread(trx, thread.id, { deleted_at: at });
    const gone = threadRemoved ? posts.map((p) => p.id) : [post.id];
    await deleteNotificationsOfSources(trx, gone, ['forum.post', 'forum.announcement']);
    if (reason !== null) {
      const forum = (await findForum(trx, ctx.cohort.id, thread.forum_id))!;
      const groups = new Map((await listGroupsOfCohort(trx, ctx.cohort.id)).map((g) => [g.id, g]));
      await addNotifications(
        app,
        trx,
        { id: ctx.cohort.id, title: ctx.cohort.title },
        [
          {
            userId: post.author_id,
            kind: 'forum.post_removed',
            sourceId: post.id,
            data: {
              threadId: thread.id,
              threadTitle: thread.title,
              postId: post.id,
              postNumber: post.number,
              forum: forumLabels(forum, await courseOfCohort(trx, ctx.cohort), groups),
              author: ctx.actor.name,
              excerpt: plainExcerpt(post.body, NOTIFICATION_LIMITS.excerpt),
              reason,
            },
          },
        ],
        at,
      );
    }
    return { threadRemoved };
  });
  await publishPost(
    app,
    ctx.cohort.id,
    { threadId: data.threadId, postId: data.postId, number: 0 },
    'post.removed',
  );
  return result;
}

/** Locks a discussion (no replies except moderators') or unlocks it. Moderators only. */
export async function setThreadLocked(
  app: App,
  actor: Actor,
  cohortId: string,
  input: ThreadFlagInput,
): Promise<void> {
  await setFlag(app, actor, cohortId, input, 'locked');
}

/** Pins a discussion at the top of its forum, or unpins it. Moderators only. */
export async function setThreadPinned(
  app: App,
  actor: Actor,
  cohortId: string,
  input: ThreadFlagInput,
): Promise<void> {
  await setFlag(app, actor, cohortId, input, 'pinned');
}

async function setFlag(
  app: App,
  actor: Actor,
  cohortId: string,
  input: ThreadFlagInput,
  flag: 'locked' | 'pinned',
) {
  const data = parseInput(threadFlagSchema, input);
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const { thread, access } = await loadReadableThread(app.db, ctx, data.threadId);
  if (!can(ctx.actor, 'forum.moderate', access)) throw new ForbiddenError();
  await updateThread(app.db, thread.id, { [flag]: data.on ? 1 : 0 });
  await publishPost(app, ctx.cohort.id, { threadId: thread.id, postId: '', number: 0 }, 'thread.changed');
}

/**
 * Moves a discussion to another forum of the cohort; the mover must moderate both. Into a group forum it becomes
 * that group's; into a separate-groups forum it keeps its group; elsewhere it is everyone's.
 * Throws NotFoundError `forum.thread_not_found` / `forum.not_found`, ConflictError `forum.move_same_forum`,
 * ForbiddenError.
 */
export async function moveThread(
  app: App,
  actor: Actor,
  cohortId: string,
  input: MoveThreadInput,
): Promise<void> {
  const data = parseInput(moveThreadSchema, input);
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const { thread, access } = await loadReadableThread(app.db, ctx, data.threadId);
  if (!can(ctx.actor, 'forum.moderate', access)) throw new ForbiddenError();
  const { forum: target } = await loadReadableForum(app.db, ctx, data.forumId);
  if (!can(ctx.actor, 'forum.moderate', forumAccessOf(ctx, target))) throw new ForbiddenError();
  if (target.id === thread.forum_id)
    throw new ConflictError('forum.move_same_forum', { forumId: 'forum.move_same_forum' });
  const groupId =
    target.kind === 'group' ? target.group_id : target.group_mode === 'separate' ? thread.group_id : null;
  await updateThread(app.db, thread.id, { forum_id: target.id, group_id: groupId });
  await publishPost(app, ctx.cohort.id, { threadId: thread.id, postId: '', number: 0 }, 'thread.changed');
}

/**
 * Moves one reply to another discussion of the cohort (a reply posted in the wrong place): it becomes the target's
 * latest post (numbers are never reused, so the source keeps a gap), its quote is dropped and replies quoting it lose
 * their quote (it is no longer beside them). Moderators of both discussions only; the first post cannot move (move
 * the discussion). Both pages are told live.
 * Throws NotFoundError `forum.thread_not_found` / `forum.post_not_found`, ForbiddenError, ConflictError
 * `forum.move_same_thread` / `forum.move_first_post`.
 */
export async function moveReply(
  app: App,
  actor: Actor,
  cohortId: string,
  input: MoveReplyInput,
): Promise<{ readonly threadId: string; readonly postId: string; readonly number: number }> {
  const data = parseInput(moveReplySchema, input);
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const { access } = await loadReadableThread(app.db, ctx, data.threadId);
  if (!can(ctx.actor, 'forum.moderate', access)) throw new ForbiddenError();
  const target = await loadReadableThread(app.db, ctx, data.toThreadId);
  if (!can(ctx.actor, 'forum.moderate', target.access)) throw new ForbiddenError();
  if (target.thread.id === data.threadId)
    throw new ConflictError('forum.move_same_thread', { toThreadId: 'forum.move_same_thread' });
  const moved = await app.db.transaction().execute(async (trx) => {
    // Both discussions locked in a fixed order (ids), so two moves at once cannot deadlock.
    const [first, second] = [data.threadId, target.thread.id].sort();
    await loadReadableThread(trx, ctx, first!, { forUpdate: true });
    await loadReadableThread(trx, ctx, second!, { forUpdate: true });
    const { thread: to } = await loadReadableThread(trx, ctx, target.thread.id);
    const post = await findPost(trx, data.threadId, data.postId);
    if (!post || post.deleted_at !== null) throw new NotFoundError('forum.post_not_found');
    if (post.number === 1) throw new ConflictError('forum.move_first_post');
    const number = to.last_post_number + 1;
    await trx
      .updateTable('forum_posts')
      .set({ reply_to_id: null })
      .where('reply_to_id', '=', post.id)
      .execute();
    await updatePost(trx, post.id, { thread_id: to.id, number, reply_to_id: null });
    await updateThread(trx, to.id, {
      last_post_number: number,
      last_post_at: post.created_at > to.last_post_at ? post.created_at : to.last_post_at,
    });
    return { threadId: to.id, postId: post.id, number };
  });
  await publishPost(
    app,
    ctx.cohort.id,
    { threadId: data.threadId, postId: moved.postId, number: 0 },
    'post.removed',
  );
  await publishPost(app, ctx.cohort.id, moved, 'post.created');
  return moved;
}
