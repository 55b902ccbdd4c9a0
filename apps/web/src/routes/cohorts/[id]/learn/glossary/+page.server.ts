import { getGlossaryPage } from '@labmig/core/learning';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { PageServerLoad } from './$types';

/** Reading page: no client JavaScript needed. */
export const csr = false;

/** The course glossary, sorted in the page's language, with the term in the other language; `?q=` filters it. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const query = url.searchParams.get('q') ?? '';
  const glossary = await runLoad(event, () =>
    getGlossaryPage(locals.app, actor, params.id, locals.locale, query),
  );
  return { glossary };
};
