import { redirect } from '@sveltejs/kit';
import { getAttempt } from '@labmig/core/assessment';
import { localizeHref } from '$lib/paraglide/runtime';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** Reading page: server-rendered only, no client JavaScript. */
export const csr = false;

/**
 * The review of an attempt: marks, feedback and right answers as far as core's feedback mode allows (core leaves
 * `result` and `review` out until then). `?refused=1` says that the last post came after the attempt closed.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const ref = { cohortId: params.id, attemptId: params.attemptId };
  const attempt = await runLoad(event, () => getAttempt(locals.app, actor, ref));
  if (attempt.state === 'in-progress' && attempt.canAnswer)
    redirect(303, localizeHref(`/cohorts/${params.id}/attempts/${attempt.id}`));
  return {
    attempt: { ...attempt, quizTitle: (locals.locale === 'fr' && attempt.quizTitleFr) || attempt.quizTitle },
    refused: url.searchParams.has('refused'),
  };
};
