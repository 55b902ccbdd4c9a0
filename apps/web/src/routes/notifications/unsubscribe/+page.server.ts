import { unsubscribeByLink } from '@labmig/core/notifications';
import { runAction } from '$lib/server/edge';
import type { Actions, PageServerLoad } from './$types';

const linkOf = (params: URLSearchParams) => ({
  userId: params.get('u') ?? '',
  cohortId: params.get('c') ?? '',
  token: params.get('t') ?? '',
});

/**
 * The unsubscribe link of a forum mail (no sign-in: the link is signed for its person). Opening it only asks to
 * confirm, so link checkers that follow links never unsubscribe anyone; the confirmation — or a mail program's
 * one-click POST (RFC 8058, body `List-Unsubscribe=One-Click`) — stops the mail.
 */
export const load: PageServerLoad = ({ url }) => ({ link: linkOf(url.searchParams) });

export const actions: Actions = {
  default: async (event) =>
    runAction(event, async () => {
      const { cohorts } = await unsubscribeByLink(event.locals.app, linkOf(event.url.searchParams));
      return { done: true, cohorts };
    }),
};
