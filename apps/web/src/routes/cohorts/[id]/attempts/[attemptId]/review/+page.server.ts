import { error, redirect } from '@sveltejs/kit';
import { getAttempt } from '@labmig/core/assessment/index.ts';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { PageServerLoad } from './$types';

/** Reading page: server-rendered only, no client JavaScript. */
export const csr = false;

/**
 * The review of an attempt: marks, feedback and right answers as far as core's feedback mode allows (core leaves
 * `result` and `review` out until then). `?refused=1` says that the last post came after the attempt closed.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const attempt = await loadOrError(locals.locale, () => getAttempt(locals.app, actor, params.attemptId));
  if (attempt.cohortId !== params.id) error(404, m.quiz_attempt_not_found({}, { locale: locals.locale }));
  if (attempt.state === 'in-progress' && attempt.canAnswer)
    redirect(303, localizeHref(`/cohorts/${params.id}/attempts/${attempt.id}`));
  return {
    attempt,
    refused: url.searchParams.has('refused'),
  };
};
