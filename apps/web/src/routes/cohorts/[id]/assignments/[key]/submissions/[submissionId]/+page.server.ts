import { getGradingPage } from '@labmig/core/assignments';
import { acceptAttribute } from '@labmig/core/files';
import { saveGradeForm } from '$lib/server/assignments/grade-form';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/**
 * The grading page of one submission (staff only): the work beside the rubric, the marks so far, comments,
 * feedback and feedback files, the marking workflow (save → ready → release), the grade versions and the history.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () =>
    getGradingPage(
      locals.app,
      actor,
      { cohortId: params.id, submissionId: params.submissionId },
      locals.locale,
    ),
  );
  return { page, accept: acceptAttribute('assignment-submission') };
};

export const actions: Actions = {
  /** Saves the grade as a new version and, as the button says, marks it ready or releases it. */
  grade: async (event) => {
    const actor = requireUser(event.locals, event.url);
    const ref = { cohortId: event.params.id, submissionId: event.params.submissionId };
    const result = await saveGradeForm(event.locals.app, actor, event.request, ref, event.locals.locale);
    return 'saved' in result ? { saved: result.saved } : result;
  },
};
