import { listOutbox } from '@labmig/core/admin';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { PageServerLoad } from './$types';

/** The mail outbox (core checks the site-admin policy again). */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const messages = await runLoad(event, () => listOutbox(locals.app, actor));
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
