import { confirmEmail, safeNextPath } from '@labmig/core/accounts';
import { runAction } from '$lib/server/edge';
import type { Actions, PageServerLoad } from './$types';

/** The page behind the mailed link: a button confirms (a POST, so a mail scanner's visit changes nothing). */
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.actor.kind === 'user' });

export const actions: Actions = {
  default: async (event) => {
    const { locals, params, url } = event;
    return runAction(
      event,
      async () => {
        const { email } = await confirmEmail(locals.app, { token: params.token });
        return { confirmed: true as const, email, next: safeNextPath(url.searchParams.get('next'), '') };
      },
      { values: () => ({}) },
    );
  },
};
