import { getLearnerQuizGrade, listGradeOverrideHistory, overrideGrade } from '@labmig/core/assessment';
import { runAction, runLoad } from '$lib/server/edge';
import { orReject } from '$lib/server/forms';
import { parseOverrideForm } from '$lib/server/grades/grade-forms';
import { gradesText } from '$lib/server/grades/grades-text';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const inputOf = ({ params }: Pick<RequestEvent, 'params'>) => ({
  cohortId: params.id,
  quizId: params.quizId,
  userId: params.userId,
});

/** One learner's grade in one assessment, the override form and the audit trail (staff only, core decides). */
export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const { app } = event.locals;
  return runLoad(event, async () => ({
    grade: await getLearnerQuizGrade(app, actor, inputOf(event)),
    history: await listGradeOverrideHistory(app, actor, inputOf(event)),
  }));
};

export const actions: Actions = {
  /** Overrides the grade (`intent=override`, with `grade`) or clears the override (`intent=clear`); a reason always. */
  default: async (event) => {
    const { locals } = event;
    const actor = requireUser(locals, event.url);
    // Who may not see the grade gets the page's refusal (403/404), not a form failure.
    const current = await runLoad(event, () => getLearnerQuizGrade(locals.app, actor, inputOf(event)));
    return runAction(
      event,
      async (form) => {
        const text = gradesText(locals.locale);
        const data = orReject(parseOverrideForm(form, current.quiz.maxGrade, text, locals.locale));
        await overrideGrade(locals.app, actor, { ...inputOf(event), ...data });
        return { done: data.grade === null ? ('cleared' as const) : ('overridden' as const) };
      },
      {
        values: (form) => ({
          grade: String(form.get('grade') ?? ''),
          reason: String(form.get('reason') ?? '').trim(),
        }),
      },
    );
  },
};
