import {
  addCoherenceObjective,
  addObjectiveSchema,
  getCoherenceCase,
  removeCoherenceObjective,
  scoreCoherencePair,
  scorePairSchema,
} from '@labmig/core/observatory';
import { runAction, runLoad } from '$lib/server/edge';
import { formText } from '$lib/server/form-text';
import { orReject, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { chartView } from '$lib/server/observatory/chart-responses';
import { coherenceChart } from '$lib/server/observatory/cohort-charts';
import { countryLabel, referenceData } from '$lib/server/observatory/reference';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * A coherence assessment: its objectives by policy, the matrix as a heat map with its gaps, every pair with its
 * score and evidence, the forms that add objectives and score pairs (owners only), and the exports.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const detail = await getCoherenceCase(locals.app, actor, params.id, params.caseId);
    const chart = await coherenceChart(locals.app, actor, params.id, params.caseId, locals.locale);
    return {
      cohortId: params.id,
      detail: { ...detail, countryName: countryLabel(referenceData(locals), detail.country, locals.locale) },
      chart: chart ? { id: `coherence--${detail.id}`, chart: chartView(chart) } : null,
      pick: { first: url.searchParams.get('first') ?? '', second: url.searchParams.get('second') ?? '' },
    };
  });
};

/** A form of this page: core decides who may. */
function caseAction<T>(name: string, work: (event: RequestEvent, form: FormData) => Promise<T>) {
  return async (event: RequestEvent) => {
    requireUser(event.locals, event.url);
    return runAction(event, (form) => work(event, form), { extra: () => ({ form: name }) });
  };
}

export const actions: Actions = {
  objective: caseAction('objective', async ({ locals, params }, form) => {
    const input = orReject(parseForm(addObjectiveSchema, form, formText(locals.locale)));
    await addCoherenceObjective(locals.app, locals.actor, params.id, params.caseId, input);
    return { form: 'objective', done: true };
  }),
  remove: caseAction('remove', async ({ locals, params }, form) => {
    await removeCoherenceObjective(
      locals.app,
      locals.actor,
      params.id,
      params.caseId,
      String(form.get('objectiveId') ?? ''),
    );
    return { form: 'remove', done: true };
  }),
  score: caseAction('score', async ({ locals, params }, form) => {
    const input = orReject(parseForm(scorePairSchema, form, formText(locals.locale)));
    await scoreCoherencePair(locals.app, locals.actor, params.id, params.caseId, input);
    return { form: 'score', done: true };
  }),
};
