import {
  getForumPage,
  groupModeSchema,
  setForumGroupMode,
  setSubscription,
  startThread,
  startThreadSchema,
  subscriptionSchema,
  type GroupModeInput,
  type StartThreadInput,
  type SubscriptionInput,
} from '@labmig/core/forums';
import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/edge';
import { attachmentRules, checkForumForm, formOf, forumPaths } from '$lib/server/forums/forum-forms';
import { requireUser } from '$lib/server/guards';
import { runUploadAction } from '$lib/server/upload-action';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * A forum: its prompt, one page of its discussions (`?page=N`) and the form to start one. `?title=` fills the new
 * discussion's title (a group exercise's "discuss it in the group forum" link).
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = Number(url.searchParams.get('page') ?? '1');
  const forum = await runLoad(event, () =>
    getForumPage(
      locals.app,
      actor,
      params.id,
      params.forumId,
      Number.isFinite(page) ? page : 1,
      locals.locale,
    ),
  );
  return {
    forum,
    suggestedTitle: (url.searchParams.get('title') ?? '').slice(0, forum.limits.titleMax),
    attachments: attachmentRules(),
  };
};

const fixed = (event: RequestEvent) => ({ forumId: event.params.forumId });

export const actions: Actions = {
  /** Starts a discussion, then opens it. */
  start: async (event) => {
    const { locals, params, url } = event;
    requireUser(locals, url);
    return runUploadAction(
      event,
      'forum-attachment',
      async (form, files) => {
        const input = checkForumForm<StartThreadInput>(startThreadSchema, form, locals.locale, fixed(event));
        const posted = await startThread(locals.app, locals.actor, params.id, {
          ...input,
          fileIds: files.map((f) => f.id),
        });
        redirect(303, forumPaths.thread(params.id, posted.threadId));
      },
      formOf('start'),
    );
  },
  /** Follows the forum (`subscribed=1`) or stops (`0`). */
  follow: async (event) => {
    const { locals, params, url } = event;
    requireUser(locals, url);
    return runAction(
      event,
      async (form) => {
        const input = checkForumForm<SubscriptionInput>(subscriptionSchema, form, locals.locale, {
          ...fixed(event),
          threadId: '',
        });
        await setSubscription(locals.app, locals.actor, params.id, input);
        return { done: form.get('subscribed') === '1' ? ('followed' as const) : ('unfollowed' as const) };
      },
      formOf('follow'),
    );
  },
  /** Sets the group mode (staff, module and general forums). */
  groupMode: async (event) => {
    const { locals, params, url } = event;
    requireUser(locals, url);
    return runAction(
      event,
      async (form) => {
        const input = checkForumForm<GroupModeInput>(groupModeSchema, form, locals.locale, fixed(event));
        await setForumGroupMode(locals.app, locals.actor, params.id, input);
        return { done: 'mode' as const };
      },
      formOf('groupMode'),
    );
  },
};
