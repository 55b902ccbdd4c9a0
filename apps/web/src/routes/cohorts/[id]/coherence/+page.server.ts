import { redirect } from '@sveltejs/kit';
import { createCoherenceCase, createCoherenceCaseSchema, listCoherenceCases } from '@labmig/core/observatory';
import { localizeHref } from '$lib/paraglide/runtime';
import { runAction, runLoad } from '$lib/server/edge';
import { formText } from '$lib/server/form-text';
import { orReject, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { countryChoices, countryLabel, referenceData } from '$lib/server/observatory/reference';
import type { Actions, PageServerLoad } from './$types';

/** The policy-coherence assessments the user may see in a cohort, and the form that starts one. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const data = referenceData(locals);
    const list = await listCoherenceCases(locals.app, actor, params.id);
    return {
      cohortId: params.id,
      cases: list.cases.map((c) => ({ ...c, countryName: countryLabel(data, c.country, locals.locale) })),
      mayCreate: list.mayCreate || list.mayCreateForGroup,
      mayCreateForGroup: list.mayCreateForGroup,
      countries: list.mayCreate || list.mayCreateForGroup ? countryChoices(data, locals.locale) : [],
    };
  });
};

export const actions: Actions = {
  /** Starts an assessment (the learner's own, or their group's) and opens it. */
  create: async (event) => {
    const { locals, params } = event;
    const actor = requireUser(locals, event.url);
    let target = '';
    const result = await runAction(event, async (form) => {
      const input = orReject(parseForm(createCoherenceCaseSchema, form, formText(locals.locale)));
      const { id } = await createCoherenceCase(locals.app, actor, params.id, input);
      target = `/cohorts/${params.id}/coherence/${id}`;
      return { created: id };
    });
    if (target) redirect(303, localizeHref(target));
    return result;
  },
};
