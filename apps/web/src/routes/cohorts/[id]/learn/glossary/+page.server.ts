import { getGlossaryPage } from '@labmig/core';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { PageServerLoad } from './$types';

/** Reading page: no client JavaScript needed. */
export const csr = false;

/** The course glossary, sorted in the page's language, with the term in the other language. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const glossary = await loadOrError(locals.locale, () =>
    getGlossaryPage(locals.app, actor, params.id, locals.locale),
  );
  return { glossary };
};
