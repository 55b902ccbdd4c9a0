import { listOutbox } from '@labmig/core';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { PageServerLoad } from './$types';

/** The mail outbox (core checks the site-admin policy again). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireUser(locals, url);
  return { messages: await loadOrError(locals.locale, () => listOutbox(locals.app, actor)) };
};
