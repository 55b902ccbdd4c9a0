import { searchForums } from '@labmig/core/forums';
import { isDomainError } from '@labmig/core/errors';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/**
 * Searches the cohort's forums (`?q=`) among the posts the reader may see; a query too short to search gets its
 * message on the page, with the words kept in the box.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const q = (url.searchParams.get('q') ?? '').trim();
  return runLoad(event, async () => {
    try {
      return { q, result: await searchForums(locals.app, actor, params.id, q, locals.locale), problem: null };
    } catch (caught) {
      if (isDomainError(caught) && caught.code === 'forum.search_too_short')
        return { q, result: null, problem: caught.localize(locals.locale) };
      throw caught;
    }
  });
};
