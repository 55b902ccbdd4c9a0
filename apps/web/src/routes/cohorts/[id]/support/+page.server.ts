import {
  askQuestion,
  askSchema,
  availabilitySchema,
  getSupportDesk,
  setSupportAvailability,
  type AskInput,
  type AvailabilityInput,
} from '@labmig/core/support';
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { runAction, runLoad } from '$lib/server/edge';
import { checkForumForm, formOf } from '$lib/server/forums/forum-forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/**
 * The cohort's live support desk: learners ask and see their own questions, tutors see the queue (core decides
 * who sees what; a tutor's visit counts as being on the desk). Live updates come from `./live` (SSE).
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return { desk: await runLoad(event, () => getSupportDesk(locals.app, actor, params.id)) };
};

export const actions: Actions = {
  /** A learner asks; then their question's page, where the answer will appear. */
  ask: async (event) => {
    requireUser(event.locals, event.url);
    return runAction(
      event,
      async (form) => {
        const { locals, params } = event;
        const input = checkForumForm<AskInput>(askSchema, form, locals.locale);
        const { questionId } = await askQuestion(locals.app, locals.actor, params.id, input);
        redirect(303, `${localizeHref(`/cohorts/${params.id}/support/${questionId}`)}?asked=1`);
      },
      formOf('ask'),
    );
  },
  /** A tutor says whether they are available. */
  availability: async (event) => {
    requireUser(event.locals, event.url);
    return runAction(
      event,
      async (form) => {
        const { locals, params } = event;
        const input = checkForumForm<AvailabilityInput>(availabilitySchema, form, locals.locale);
        await setSupportAvailability(locals.app, locals.actor, params.id, input);
        return { done: form.get('available') === '1' ? ('available' as const) : ('away' as const) };
      },
      formOf('availability'),
    );
  },
};
