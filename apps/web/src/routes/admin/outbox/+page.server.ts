import { listOutbox } from '@labmig/core';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { PageServerLoad } from './$types';

/** The mail outbox (core checks the site-admin policy again). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireUser(locals, url);
  const messages = await loadOrError(locals.locale, () => listOutbox(locals.app, actor));
  const format = new Intl.DateTimeFormat(locals.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return {
    messages: messages.map((message) => ({
      ...message,
      created: `${format.format(new Date(message.createdAt))} UTC`,
    })),
  };
};
