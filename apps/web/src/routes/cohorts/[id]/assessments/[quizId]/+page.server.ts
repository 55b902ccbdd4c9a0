import { error, fail, redirect } from '@sveltejs/kit';
import { isDomainError } from '@labmig/core';
import { getAttempt, getQuizStart, startAttempt } from '@labmig/core/assessment/index.ts';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import { resumeView, viewQuery } from '$lib/server/quiz/attempt-pages';
import type { Actions, PageServerLoad } from './$types';

/** Server-rendered only: the one form works as a plain POST. */
export const csr = false;

/** The start page of a weekly assessment: rules, window, the learner's attempts, Start/Resume. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const quiz = await loadOrError(locals.locale, () => getQuizStart(locals.app, actor, params.quizId));
  if (quiz.cohortId !== params.id) error(404, m.quiz_not_found({}, { locale: locals.locale }));
  return { quiz };
};

export const actions: Actions = {
  /**
   * Starts an attempt and goes to its first page, or resumes the open one where the learner stopped (the first
   * question still to answer; the summary when all are answered).
   */
  start: async ({ locals, params, url }) => {
    const actor = requireUser(locals, url);
    let target: string;
    try {
      const quiz = await getQuizStart(locals.app, actor, params.quizId);
      if (quiz.cohortId !== params.id) error(404, m.quiz_not_found({}, { locale: locals.locale }));
      const { attemptId, resumed } = await startAttempt(locals.app, actor, params.quizId);
      target = `/cohorts/${params.id}/attempts/${attemptId}`;
      if (resumed)
        target += viewQuery(resumeView((await getAttempt(locals.app, actor, attemptId)).questions));
    } catch (caught) {
      if (!isDomainError(caught)) throw caught;
      return fail(caught.status, { message: caught.localize(locals.locale) });
    }
    redirect(303, localizeHref(target));
  },
};
