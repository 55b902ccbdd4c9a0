import { fail } from '@sveltejs/kit';
import {
  getLearnerQuizGrade,
  listGradeOverrideHistory,
  overrideGrade,
} from '@labmig/core/assessment/index.ts';
import { failWith } from '$lib/server/actions';
import { parseOverrideForm } from '$lib/server/grades/grade-forms';
import { gradesText } from '$lib/server/grades/grades-text';
import { requireSameCohort } from '$lib/server/grades/same-cohort';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { Actions, PageServerLoad } from './$types';

/** One learner's grade in one assessment, the override form and the audit trail (staff only, core decides). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const input = { quizId: params.quizId, userId: params.userId };
  const grade = await loadOrError(locals.locale, () => getLearnerQuizGrade(locals.app, actor, input));
  requireSameCohort(grade.cohortId, params.id, locals.locale);
  const history = await loadOrError(locals.locale, () => listGradeOverrideHistory(locals.app, actor, input));
  return { grade, history };
};

export const actions: Actions = {
  /** Overrides the grade (`intent=override`, with `grade`) or clears the override (`intent=clear`); a reason always. */
  default: async ({ locals, params, request, url }) => {
    const actor = requireUser(locals, url);
    const input = { quizId: params.quizId, userId: params.userId };
    const current = await loadOrError(locals.locale, () => getLearnerQuizGrade(locals.app, actor, input));
    requireSameCohort(current.cohortId, params.id, locals.locale);
    const form = await request.formData();
    const parsed = parseOverrideForm(form, current.quiz.maxGrade, gradesText(locals.locale), locals.locale);
    if (!parsed.ok) return fail(400, parsed.failure);
    try {
      await overrideGrade(locals.app, actor, { ...input, ...parsed.data });
    } catch (error) {
      return failWith(
        error,
        { grade: String(form.get('grade') ?? ''), reason: parsed.data.reason },
        locals.locale,
      );
    }
    return { done: parsed.data.grade === null ? ('cleared' as const) : ('overridden' as const) };
  },
};
