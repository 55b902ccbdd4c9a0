import {
  insertForumsIfMissing,
  newId,
  setForumSubscription,
  setThreadSubscription,
  updateForum,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import type { App } from '../app/app.ts';
import { ConflictError, DomainValidationError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { loadForumsContext, loadReadableForum, loadReadableThread, signedIn } from './forum-access.ts';
import { CUSTOM_FORUM_POSITION } from './forum-setup.ts';
import {
  createForumSchema,
  groupModeSchema,
  subscriptionSchema,
  type CreateForumInput,
  type GroupModeInput,
  type SubscriptionInput,
} from './forum.schema.ts';

/**
 * Sets a module or discussion forum to separate groups (learners see their own group's discussions and those
 * for everyone; staff see all) or back to one discussion for everyone. Staff only. Existing discussions keep the
 * group of their author. Throws ConflictError `forum.group_mode_not_allowed` for other kinds of forum.
 */
export async function setForumGroupMode(
  app: App,
  actor: Actor,
  cohortId: string,
  input: GroupModeInput,
): Promise<void> {
  const data = parseInput(groupModeSchema, input);
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  assertCan(ctx.actor, 'forum.manage', ctx.access);
  const { forum } = await loadReadableForum(app.db, ctx, data.forumId);
  if (forum.kind !== 'module' && forum.kind !== 'general')
    throw new ConflictError('forum.group_mode_not_allowed', { mode: 'forum.group_mode_not_allowed' });
  await updateForum(app.db, forum.id, { group_mode: data.mode, updated_at: app.clock.now().toISOString() });
}

/** Adds a discussion or Q&A forum with a title and an introduction. Staff only. Returns its id. */
export async function createForum(
  app: App,
  actor: Actor,
  cohortId: string,
  input: CreateForumInput,
): Promise<{ forumId: string }> {
  const data = parseInput(createForumSchema, input);
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  assertCan(ctx.actor, 'forum.manage', ctx.access);
  const at = app.clock.now().toISOString();
  const forumId = newId();
  await insertForumsIfMissing(app.db, [
    {
      id: forumId,
      cohort_id: ctx.cohort.id,
      slot: `custom:${forumId}`,
      kind: data.kind,
      module_id: null,
      group_id: null,
      title: data.title,
      intro: data.intro || null,
      group_mode: 'none',
      position: CUSTOM_FORUM_POSITION,
      created_at: at,
      updated_at: at,
    },
  ]);
  return { forumId };
}

/**
 * Follows or stops following a forum or a discussion (new posts then reach the actor's notifications and mail).
 * Everyone follows announcements: ConflictError `forum.announcements_forced` for an attempt to stop.
 */
export async function setSubscription(
  app: App,
  actor: Actor,
  cohortId: string,
  input: SubscriptionInput,
): Promise<void> {
  const data = parseInput(subscriptionSchema, input);
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const at = app.clock.now().toISOString();
  if (data.threadId !== null) {
    const { thread } = await loadReadableThread(app.db, ctx, data.threadId);
    if (thread.forum_kind === 'announcements' && !data.subscribed)
      throw new ConflictError('forum.announcements_forced');
    await setThreadSubscription(app.db, ctx.actor.userId, thread.id, data.subscribed, at);
    return;
  }
  if (data.forumId === null) throw new DomainValidationError({ forumId: 'validation.invalid' });
  const { forum } = await loadReadableForum(app.db, ctx, data.forumId);
  if (forum.kind === 'announcements' && !data.subscribed)
    throw new ConflictError('forum.announcements_forced');
  await setForumSubscription(app.db, ctx.actor.userId, forum.id, data.subscribed, at);
}
