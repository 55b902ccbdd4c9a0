import {
  countPostsSince,
  findForum,
  findGroup,
  findPost,
  findStoredFileById,
  insertPost,
  insertPostFiles,
  insertThread,
  listGroupsOfCohort,
  lockPoster,
  markThreadRead,
  newId,
  setThreadSubscription,
  updatePost,
  updateThread,
  type Database,
  type ForumRow,
  type Transaction,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import type { App } from '../app/app.ts';
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import {
  forumAccessOf,
  loadForumsContext,
  loadReadableForum,
  loadReadableThread,
  postAccessOf,
  seesPost,
  signedIn,
  type ForumsContext,
} from './forum-access.ts';
import { notifyFollowers } from './forum-notify.ts';
import { courseOfCohort } from './forum-setup.ts';
import { forumLabels } from './forum.present.ts';
import { postSearchText } from './forum-text.rules.ts';
import { isWithinEditWindow, postingLimit } from './forum.rules.ts';
import {
  editPostSchema,
  FORUM_LIMITS,
  replySchema,
  startThreadSchema,
  type EditPostInput,
  type ReplyInput,
  type StartThreadInput,
} from './forum.schema.ts';
import { publishPost } from './forum-live.ts';
import { keepStoredFiles } from '../files/upload.commands.ts';

/** What a new post is: its discussion, its id and its number there. */
export interface PostedRef {
  readonly threadId: string;
  readonly postId: string;
  readonly number: number;
}

/** Refuses a post past the person's rate limit (their user row locked meanwhile on PostgreSQL). */
async function assertPostingAllowed(app: App, trx: Transaction<Database>, ctx: ForumsContext, now: Date) {
  await lockPoster(trx, ctx.actor.userId);
  const limit = postingLimit(can(ctx.actor, 'forum.manage', ctx.access));
  const since = new Date(now.getTime() - FORUM_LIMITS.rateWindowSeconds * 1000).toISOString();
  const recent = await countPostsSince(trx, ctx.actor.userId, since);
  if (recent.count >= limit) throw new RateLimitedError('forum.rate_limited');
}

/** Notifies followers of a new post inside the transaction. */
async function notifyOfPost(
  app: App,
  trx: Transaction<Database>,
  ctx: ForumsContext,
  threadId: string,
  post: { id: string; number: number; body: string },
  at: string,
) {
  const { thread } = await loadReadableThread(trx, ctx, threadId);
  const forum = (await findForum(trx, ctx.cohort.id, thread.forum_id))!;
  const groups = new Map((await listGroupsOfCohort(trx, ctx.cohort.id)).map((g) => [g.id, g]));
  const labels = forumLabels(forum, await courseOfCohort(trx, ctx.cohort), groups);
  await notifyFollowers(
    app,
    trx,
    ctx.cohort,
    thread,
    labels,
    { ...post, authorId: ctx.actor.userId, authorName: ctx.actor.name },
    at,
  );
}

/**
 * Starts a discussion in a forum: its title and first post. In a group forum the discussion is the group's; in a
 * separate-groups forum a learner's discussion is their group's, and staff choose a group or everyone
 * (`groupId`). The author follows the discussion. Also the command of other features that post for someone (the
 * support desk turns a question into a forum FAQ post with it).
 * Throws NotFoundError `forum.not_found`, ForbiddenError `forum.cannot_start` / `forum.no_group`,
 * RateLimitedError `forum.rate_limited`, DomainValidationError (title, body).
 * @example await startThread(app, tutor, cohortId, { forumId, title: 'Reading for week 2', body: '…' })
 */
export async function startThread(
  app: App,
  actor: Actor,
  cohortId: string,
  input: StartThreadInput,
): Promise<PostedRef> {
  const data = parseInput(startThreadSchema, input);
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const { forum, access } = await loadReadableForum(app.db, ctx, data.forumId);
  if (!can(ctx.actor, 'forum.start', access))
    throw new ForbiddenError(needsGroup(ctx, forum) ? 'forum.no_group' : 'forum.cannot_start');
  const groupId = await threadGroup(app, ctx, forum, data.groupId);
  const now = app.clock.now();
  const at = now.toISOString();
  const ref = await app.db.transaction().execute(async (trx) => {
    await assertPostingAllowed(app, trx, ctx, now);
    const threadId = newId();
    const postId = newId();
    await insertThread(trx, {
      id: threadId,
      forum_id: forum.id,
      cohort_id: ctx.cohort.id,
      group_id: groupId,
      title: data.title,
      author_id: ctx.actor.userId,
      pinned: 0,
      locked: 0,
      created_at: at,
      last_post_at: at,
      last_post_number: 1,
      deleted_at: null,
    });
    await insertPost(trx, {
      id: postId,
      thread_id: threadId,
      cohort_id: ctx.cohort.id,
      author_id: ctx.actor.userId,
      number: 1,
      reply_to_id: null,
      body: data.body,
      search_text: postSearchText(data.body, data.title),
      created_at: at,
      edited_at: null,
      edited_by: null,
      deleted_at: null,
      deleted_by: null,
      delete_reason: null,
    });
    await attachFiles(trx, ctx, postId, data.fileIds, now);
    await setThreadSubscription(trx, ctx.actor.userId, threadId, true, at, { onlyIfUnset: true });
    await markThreadRead(trx, ctx.actor.userId, threadId, 1, at);
    await notifyOfPost(app, trx, ctx, threadId, { id: postId, number: 1, body: data.body }, at);
    return { threadId, postId, number: 1 };
  });
  await publishPost(app, ctx.cohort.id, ref);
  return ref;
}

/**
 * Attaches the poster's uploaded files to a new post and keeps them, in the post's transaction. Only files the poster
 * uploaded as forum attachments and that no post holds yet qualify (another person's file id, or one already kept,
 * is refused), so an attachment cannot be borrowed. @throws ConflictError `forum.files_unknown` (field `files`)
 */
async function attachFiles(
  trx: Transaction<Database>,
  ctx: ForumsContext,
  postId: string,
  fileIds: readonly string[],
  now: Date,
): Promise<void> {
  if (fileIds.length === 0) return;
  for (const fileId of fileIds) {
    const file = await findStoredFileById(trx, fileId);
    if (
      !file ||
      file.state !== 'pending' ||
      file.owner_id !== ctx.actor.userId ||
      file.purpose !== 'forum-attachment'
    )
      throw new ConflictError('forum.files_unknown', { files: 'forum.files_unknown' });
  }
  if ((await keepStoredFiles(trx, fileIds, now)) !== new Set(fileIds).size)
    throw new ConflictError('forum.files_unknown', { files: 'forum.files_unknown' });
  await insertPostFiles(trx, postId, fileIds);
}

/** A learner who may not start a discussion in a separate-groups forum only because they have no group yet. */
function needsGroup(ctx: ForumsContext, forum: ForumRow): boolean {
  return (
    forum.group_mode === 'separate' &&
    ctx.groups?.memberOf == null &&
    ctx.access.membership?.role === 'learner'
  );
}

/** The group a new discussion belongs to (null: everyone who may read the forum). */
async function threadGroup(
  app: App,
  ctx: ForumsContext,
  forum: ForumRow,
  asked: string | null,
): Promise<string | null> {
  if (forum.kind === 'group') return forum.group_id;
  if (forum.group_mode !== 'separate') return null;
  if (!can(ctx.actor, 'forum.moderate', forumAccessOf(ctx, forum))) return ctx.groups?.memberOf ?? null;
  if (asked === null) return null;
  if (!(await findGroup(app.db, ctx.cohort.id, asked))) throw new NotFoundError('group.not_found');
  return asked;
}

/**
 * Replies to a discussion, optionally quoting one of its posts. Numbers are given in order under a lock of the
 * discussion, so parallel replies never share one. The author follows the discussion unless they chose not to.
 * Throws NotFoundError `forum.thread_not_found`, ForbiddenError `forum.locked` / `forum.cannot_reply`,
 * ConflictError `forum.reply_to_unknown`, RateLimitedError `forum.rate_limited`, DomainValidationError (body).
 */
export async function replyToThread(
  app: App,
  actor: Actor,
  cohortId: string,
  input: ReplyInput,
): Promise<PostedRef> {
  const data = parseInput(replySchema, input);
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  await loadReadableThread(app.db, ctx, data.threadId);
  const now = app.clock.now();
  const at = now.toISOString();
  const ref = await app.db.transaction().execute(async (trx) => {
    const { thread, access } = await loadReadableThread(trx, ctx, data.threadId, { forUpdate: true });
    if (!can(ctx.actor, 'thread.reply', access))
      throw new ForbiddenError(thread.locked === 1 ? 'forum.locked' : 'forum.cannot_reply');
    if (data.replyToId !== null) {
      const quoted = await findPost(trx, thread.id, data.replyToId);
      if (!quoted || !seesPost(ctx, access, quoted))
        throw new ConflictError('forum.reply_to_unknown', { body: 'forum.reply_to_unknown' });
    }
    await assertPostingAllowed(app, trx, ctx, now);
    const number = thread.last_post_number + 1;
    const postId = newId();
    await insertPost(trx, {
      id: postId,
      thread_id: thread.id,
      cohort_id: ctx.cohort.id,
      author_id: ctx.actor.userId,
      number,
      reply_to_id: data.replyToId,
      body: data.body,
      search_text: postSearchText(data.body, null),
      created_at: at,
      edited_at: null,
      edited_by: null,
      deleted_at: null,
      deleted_by: null,
      delete_reason: null,
    });
    await attachFiles(trx, ctx, postId, data.fileIds, now);
    await updateThread(trx, thread.id, { last_post_number: number, last_post_at: at });
    await setThreadSubscription(trx, ctx.actor.userId, thread.id, true, at, { onlyIfUnset: true });
    await markThreadRead(trx, ctx.actor.userId, thread.id, number, at);
    await notifyOfPost(app, trx, ctx, thread.id, { id: postId, number, body: data.body }, at);
    return { threadId: thread.id, postId, number };
  });
  await publishPost(app, ctx.cohort.id, ref);
  return ref;
}

/**
 * Changes a post: its author within the edit window (FORUM_LIMITS.editWindowMinutes), moderators at any time (the
 * page says who changed it). The first post's change may retitle the discussion.
 * Throws NotFoundError `forum.thread_not_found` / `forum.post_not_found`, ConflictError
 * `forum.edit_window_closed`, ForbiddenError `forum.cannot_edit`.
 */
export async function editPost(
  app: App,
  actor: Actor,
  cohortId: string,
  input: EditPostInput,
): Promise<void> {
  const data = parseInput(editPostSchema, input);
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const now = app.clock.now();
  await app.db.transaction().execute(async (trx) => {
    const { thread, access } = await loadReadableThread(trx, ctx, data.threadId, { forUpdate: true });
    const post = await findPost(trx, thread.id, data.postId);
    if (!post || post.deleted_at !== null) throw new NotFoundError('forum.post_not_found');
    const moderator = can(ctx.actor, 'forum.moderate', access);
    if (!moderator) {
      if (!can(ctx.actor, 'post.edit-own', postAccessOf(access, post.author_id)))
        throw new ForbiddenError('forum.cannot_edit');
      if (!isWithinEditWindow(post.created_at, now)) throw new ConflictError('forum.edit_window_closed');
    }
    const title = post.number === 1 && data.title !== undefined ? data.title : null;
    await updatePost(trx, post.id, {
      body: data.body,
      search_text: postSearchText(data.body, post.number === 1 ? (title ?? thread.title) : null),
      edited_at: now.toISOString(),
      edited_by: ctx.actor.userId,
    });
    if (title !== null && title !== thread.title) await updateThread(trx, thread.id, { title });
  });
  await publishPost(
    app,
    ctx.cohort.id,
    { threadId: data.threadId, postId: data.postId, number: 0 },
    'post.edited',
  );
}
