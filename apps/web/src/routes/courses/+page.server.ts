import { listCatalogue } from '@labmig/core/catalogue';
import { presentCohortView } from '$lib/server/course-view';
import { runLoad } from '$lib/server/edge';
import type { PageServerLoad } from './$types';

/** The catalogue is server-rendered only: no client JavaScript (its links and forms need none). */
export const csr = false;

/** The catalogue: every course with its featured cohort, titles in the user's language where they exist. */
export const load: PageServerLoad = async (event) => {
  const { locals } = event;
  const items = await runLoad(event, () => listCatalogue(locals.app, locals.actor));
  const fr = locals.locale === 'fr';
  return {
    courses: items.map((item) => ({
      slug: item.slug,
      title: (fr && item.fr?.title) || item.title,
      titleLang: fr && item.fr?.title ? 'fr' : item.language,
      summary: (fr && item.fr?.summary) || item.summary,
      summaryLang: fr && item.fr?.summary ? 'fr' : item.language,
      learningHours: item.learningHours,
      weekCount: item.weekCount,
      language: item.language,
      cohort: item.featuredCohort ? presentCohortView(item.featuredCohort, locals.locale) : null,
    })),
  };
};
