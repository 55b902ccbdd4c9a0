import { error, fail } from '@sveltejs/kit';
import { errorMessage } from '@labmig/core';
import { gradeEssay, listGradingQueue } from '@labmig/core/assessment/index.ts';
import { failWith } from '$lib/server/actions';
import { essayKey, parseEssayGradeForm } from '$lib/server/grades/grade-forms';
import { gradesText } from '$lib/server/grades/grades-text';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { Actions, PageServerLoad } from './$types';

/** The essays waiting for a tutor in this cohort (tutors, managers, admins; core refuses everyone else). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const queue = await loadOrError(locals.locale, () => listGradingQueue(locals.app, actor, params.id));
  return { cohortId: params.id, queue };
};

export const actions: Actions = {
  /**
   * Grades one essay: fields `attemptId`, `slot`, `mark` (out of the question's maximum), `comment`. The maximum
   * comes from the queue on the server, never from the form; core recomputes the attempt's grade.
   */
  grade: async ({ locals, params, request, url }) => {
    const actor = requireUser(locals, url);
    const queue = await loadOrError(locals.locale, () => listGradingQueue(locals.app, actor, params.id));
    const form = await request.formData();
    const key = essayKey(form);
    if (!key) error(400, errorMessage('validation.invalid', locals.locale));
    const id = `${key.attemptId}/${key.slot}`;
    const essay = queue.find((e) => e.attemptId === key.attemptId && e.slot === key.slot);
    if (!essay) return fail(409, { key: id, gone: true });
    const parsed = parseEssayGradeForm(form, essay.maxMark, gradesText(locals.locale), locals.locale);
    if (!parsed.ok) return fail(400, { key: id, ...parsed.failure });
    try {
      const result = await gradeEssay(locals.app, actor, {
        attemptId: key.attemptId,
        slot: key.slot,
        fraction: essay.maxMark > 0 ? parsed.data.mark / essay.maxMark : 0,
        comment: parsed.data.comment,
      });
      return {
        graded: {
          learnerName: essay.learnerName,
          quizTitle: essay.quizTitle,
          grade: result.grade,
          pendingQuestions: result.pendingQuestions,
        },
      };
    } catch (caught) {
      return failWith(
        caught,
        { mark: String(form.get('mark') ?? ''), comment: parsed.data.comment },
        locals.locale,
        undefined,
        { key: id },
      );
    }
  },
};
