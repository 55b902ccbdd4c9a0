import { redirect } from '@sveltejs/kit';
import { getQuizStart, startAttempt } from '@labmig/core/assessment';
import { localizeHref } from '$lib/paraglide/runtime';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { resumeView, viewQuery } from '$lib/server/quiz/attempt-pages';
import type { Actions, PageServerLoad } from './$types';

/** Server-rendered only: the one form works as a plain POST. */
export const csr = false;

/** The start page of a weekly assessment: rules, window, the learner's attempts, Start/Resume. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const quiz = await runLoad(event, () =>
    getQuizStart(locals.app, actor, { cohortId: params.id, quizId: params.quizId }),
  );
  return { quiz: { ...quiz, title: (locals.locale === 'fr' && quiz.titleFr) || quiz.title } };
};

export const actions: Actions = {
  /**
   * Starts an attempt and goes to its first page, or resumes the open one where the learner stopped (the first
   * question still to answer; the summary when all are answered).
   */
  start: async (event) => {
    const { locals, params, url } = event;
    const actor = requireUser(locals, url);
    return runAction(event, async () => {
      const started = await startAttempt(locals.app, actor, { cohortId: params.id, quizId: params.quizId });
      const target = `/cohorts/${params.id}/attempts/${started.attemptId}`;
      redirect(
        303,
        localizeHref(target + (started.resumed ? viewQuery(resumeView(started.resumeSlot)) : '')),
      );
    });
  },
};
