import { checkEmailChange, confirmEmailChange } from '@labmig/core/accounts';
import { isDomainError } from '@labmig/core/errors';
import { runAction, runLoad } from '$lib/server/edge';
import type { Actions, PageServerLoad } from './$types';

/**
 * The page a new-address link opens: it shows the address and asks to confirm it (a POST), so a mail scanner that
 * follows the link changes nothing. Works signed in or not: the link itself is the proof.
 */
export const load: PageServerLoad = async (event) => {
  const check = await runLoad(event, async () => {
    try {
      return {
        ok: true as const,
        ...(await checkEmailChange(event.locals.app, { token: event.params.token })),
      };
    } catch (error) {
      if (isDomainError(error) && error.kind === 'invalid')
        return { ok: false as const, message: error.localize(event.locals.locale) };
      throw error;
    }
  });
  return { check };
};

export const actions: Actions = {
  default: async (event) =>
    runAction(event, async () => ({
      confirmed: (
        await confirmEmailChange(
          event.locals.app,
          { token: event.params.token },
          { requestId: event.locals.requestId },
        )
      ).email,
    })),
};
