import { listCatalogue } from '@labmig/core/catalogue';
import { runLoad } from '$lib/server/edge';
import type { PageServerLoad } from './$types';

/** The home page features the first course of the catalogue. */
export const load: PageServerLoad = async (event) => {
  const { locals } = event;
  const [first] = await runLoad(event, () => listCatalogue(locals.app, locals.actor));
  const french = locals.locale === 'fr' ? first?.fr : undefined;
  return {
    featured: first
      ? {
          slug: first.slug,
          title: french?.title ?? first.title,
          summary: french?.summary ?? first.summary,
          contentLang: french?.summary ? 'fr' : first.language,
        }
      : null,
  };
};
