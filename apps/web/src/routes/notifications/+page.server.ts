import {
  emailModeSchema,
  getNotificationsPage,
  markNotificationRead,
  setEmailMode,
  type EmailModeInput,
} from '@labmig/core/notifications';
import { runAction, runLoad } from '$lib/server/edge';
import { checkForumForm } from '$lib/server/forums/forum-forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person's notifications and their choice of forum mail per cohort. */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  return { page: await runLoad(event, () => getNotificationsPage(locals.app, actor, locals.locale)) };
};

export const actions: Actions = {
  /** Marks every notification read. */
  readAll: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(event, async () => {
      await markNotificationRead(event.locals.app, actor, null);
      return { done: 'read' as const };
    });
  },
  /** Chooses how forum mail of one cohort arrives: each post, a daily digest, or none. */
  mode: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(
      event,
      async (form) => {
        await setEmailMode(
          event.locals.app,
          actor,
          checkForumForm<EmailModeInput>(emailModeSchema, form, event.locals.locale),
        );
        return { done: 'mode' as const, cohortId: String(form.get('cohortId')) };
      },
      { extra: (form) => ({ cohortId: String(form.get('cohortId') ?? '') }) },
    );
  },
};
