import { createForum, createForumSchema, listForums, type CreateForumInput } from '@labmig/core/forums';
import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/edge';
import { checkForumForm, formOf, forumPaths } from '$lib/server/forums/forum-forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** The forums of a cohort with their activity and the reader's unread posts (core makes the standard ones). */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return { index: await runLoad(event, () => listForums(locals.app, actor, params.id, locals.locale)) };
};

export const actions: Actions = {
  /** Adds a discussion or Q&A forum (staff; core refuses others), then opens it. */
  create: async (event) => {
    const { locals, params, url } = event;
    requireUser(locals, url);
    return runAction(
      event,
      async (form) => {
        const input = checkForumForm<CreateForumInput>(createForumSchema, form, locals.locale);
        const { forumId } = await createForum(locals.app, locals.actor, params.id, input);
        redirect(303, forumPaths.forum(params.id, forumId));
      },
      formOf('create'),
    );
  },
};
