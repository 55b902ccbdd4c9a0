import { checkUnsubscribe, unsubscribeFromReminders } from '@labmig/core/accounts';
import { isDomainError } from '@labmig/core/errors';
import { runAction, runLoad } from '$lib/server/edge';
import type { Actions, PageServerLoad } from './$types';

const linkOf = (url: URL) => ({
  user: url.searchParams.get('user') ?? '',
  token: url.searchParams.get('token') ?? '',
});

/**
 * The page a reminder's unsubscribe link opens: one button stops the reminders (a POST, so link scanners change
 * nothing), another brings them back. No sign-in needed: the link is signed for its person.
 */
export const load: PageServerLoad = async (event) => {
  const state = await runLoad(event, async () => {
    try {
      return { ok: true as const, ...(await checkUnsubscribe(event.locals.app, linkOf(event.url))) };
    } catch (error) {
      if (isDomainError(error) && error.kind === 'invalid')
        return { ok: false as const, message: error.localize(event.locals.locale) };
      throw error;
    }
  });
  return { state };
};

export const actions: Actions = {
  default: async (event) =>
    runAction(event, async (form) => {
      const enabled = form.get('reminders') === 'on';
      const result = await unsubscribeFromReminders(
        event.locals.app,
        { ...linkOf(event.url), enabled },
        { requestId: event.locals.requestId },
      );
      return { enabled: result.enabled };
    }),
};
