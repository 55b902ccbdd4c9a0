import { getCoherenceCase } from '@labmig/core/observatory';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { coherenceChart } from '$lib/server/observatory/cohort-charts';
import { countryLabel, referenceData } from '$lib/server/observatory/reference';
import type { PageServerLoad } from './$types';

/** A coherence assessment as a printable page: objectives, the matrix, every pair with its evidence. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const detail = await getCoherenceCase(locals.app, actor, params.id, params.caseId);
    const chart = await coherenceChart(locals.app, actor, params.id, params.caseId, locals.locale);
    return {
      cohortId: params.id,
      detail: { ...detail, countryName: countryLabel(referenceData(locals), detail.country, locals.locale) },
      svg: chart?.svg ?? null,
    };
  });
};
