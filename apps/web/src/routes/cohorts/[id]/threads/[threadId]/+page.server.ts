import {
  editPost,
  editPostSchema,
  getThreadPage,
  moveReply,
  moveReplySchema,
  moveThread,
  moveThreadSchema,
  removePost,
  removePostSchema,
  replySchema,
  replyToThread,
  setSubscription,
  setThreadLocked,
  setThreadPinned,
  subscriptionSchema,
  threadFlagSchema,
  type EditPostInput,
  type MoveReplyInput,
  type MoveThreadInput,
  type RemovePostInput,
  type ReplyInput,
  type SubscriptionInput,
  type ThreadFlagInput,
} from '@labmig/core/forums';
import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/edge';
import { attachmentRules, formOf, forumPaths, checkForumForm } from '$lib/server/forums/forum-forms';
import { requireUser } from '$lib/server/guards';
import { runUploadAction } from '$lib/server/upload-action';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * A discussion: the posts the reader may see (core decides: another group's discussion is "not found", Q&A replies
 * wait until the reader posted), marked read as they are shown. `?quote=<postId>` prepares a reply quoting a post.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () =>
    getThreadPage(locals.app, actor, params.id, params.threadId, locals.locale),
  );
  const quoteId = url.searchParams.get('quote');
  const quote = page.posts.find((p) => p.id === quoteId && p.removed === null) ?? null;
  return {
    page,
    quote: quote ? { id: quote.id, number: quote.number, author: quote.author.name } : null,
    attachments: attachmentRules(),
  };
};

/** Runs one of the page's forms for the signed-in actor with the thread id from the URL. */
function threadAction<T>(name: string, work: (event: RequestEvent, form: FormData) => Promise<T>) {
  return async (event: RequestEvent) => {
    requireUser(event.locals, event.url);
    return runAction(event, (form) => work(event, form), formOf(name));
  };
}

const ids = (event: RequestEvent) => ({ threadId: event.params.threadId });

export const actions: Actions = {
  /** Replies (optionally quoting `replyToId`), then shows the new post. */
  reply: async (event) => {
    requireUser(event.locals, event.url);
    return runUploadAction(
      event,
      'forum-attachment',
      async (form, files) => {
        const { locals, params } = event;
        const input = checkForumForm<ReplyInput>(replySchema, form, locals.locale, ids(event));
        const posted = await replyToThread(locals.app, locals.actor, params.id, {
          ...input,
          fileIds: files.map((f) => f.id),
        });
        redirect(303, forumPaths.thread(params.id, posted.threadId, posted.number));
      },
      formOf('reply'),
    );
  },
  /** Changes a post (`postId`, `body`, and `title` for the first post). */
  edit: threadAction('edit', async (event, form) => {
    const { locals, params } = event;
    await editPost(
      locals.app,
      locals.actor,
      params.id,
      checkForumForm<EditPostInput>(editPostSchema, form, locals.locale, ids(event)),
    );
    return { done: 'edited' as const, postId: String(form.get('postId')) };
  }),
  /** Removes a post (`postId`, with a `reason` for moderators); removing the first post removes the discussion. */
  remove: threadAction('remove', async (event, form) => {
    const { locals, params } = event;
    const input = checkForumForm<RemovePostInput>(removePostSchema, form, locals.locale, ids(event));
    const { threadRemoved } = await removePost(locals.app, locals.actor, params.id, input);
    if (threadRemoved) redirect(303, forumPaths.index(params.id));
    return { done: 'removed' as const, postId: input.postId };
  }),
  lock: threadAction('lock', async (event, form) => {
    const { locals, params } = event;
    await setThreadLocked(
      locals.app,
      locals.actor,
      params.id,
      checkForumForm<ThreadFlagInput>(threadFlagSchema, form, locals.locale, ids(event)),
    );
    return { done: form.get('on') === '1' ? ('locked' as const) : ('unlocked' as const) };
  }),
  pin: threadAction('pin', async (event, form) => {
    const { locals, params } = event;
    await setThreadPinned(
      locals.app,
      locals.actor,
      params.id,
      checkForumForm<ThreadFlagInput>(threadFlagSchema, form, locals.locale, ids(event)),
    );
    return { done: form.get('on') === '1' ? ('pinned' as const) : ('unpinned' as const) };
  }),
  move: threadAction('move', async (event, form) => {
    const { locals, params } = event;
    await moveThread(
      locals.app,
      locals.actor,
      params.id,
      checkForumForm<MoveThreadInput>(moveThreadSchema, form, locals.locale, ids(event)),
    );
    return { done: 'moved' as const };
  }),
  /** Moves one reply (`postId`) to the discussion whose link or id is `target`, then shows it there. */
  moveReply: threadAction('moveReply', async (event, form) => {
    const { locals, params } = event;
    const target = String(form.get('target') ?? '').trim();
    const toThreadId = /\/threads\/([^/?#\s]+)/.exec(target)?.[1] ?? target;
    const input = checkForumForm<MoveReplyInput>(moveReplySchema, form, locals.locale, {
      ...ids(event),
      toThreadId,
    });
    const moved = await moveReply(locals.app, locals.actor, params.id, input);
    redirect(303, forumPaths.thread(params.id, moved.threadId, moved.number));
  }),
  follow: threadAction('follow', async (event, form) => {
    const { locals, params } = event;
    const input = checkForumForm<SubscriptionInput>(subscriptionSchema, form, locals.locale, {
      ...ids(event),
      forumId: '',
    });
    await setSubscription(locals.app, locals.actor, params.id, input);
    return { done: form.get('subscribed') === '1' ? ('followed' as const) : ('unfollowed' as const) };
  }),
};
