import { gradeEssay, listGradingQueue } from '@labmig/core/assessment';
import { m } from '$lib/paraglide/messages';
import { runAction, runLoad } from '$lib/server/edge';
import { FormRejected, orReject } from '$lib/server/forms';
import { essayKey, parseEssayGradeForm } from '$lib/server/grades/grade-forms';
import { gradesText } from '$lib/server/grades/grades-text';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** The essays waiting for a tutor in this cohort (tutors, managers, admins; core refuses everyone else). */
export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const queue = await runLoad(event, () => listGradingQueue(event.locals.app, actor, event.params.id));
  return { cohortId: event.params.id, queue };
};

/** The essay a form is about, as the key the page marks its form with. */
const keyOf = (form: FormData) => {
  const key = essayKey(form);
  return key ? `${key.attemptId}/${key.slot}` : '';
};

export const actions: Actions = {
  /**
   * Grades one essay: fields `attemptId`, `slot`, `mark` (out of the question's maximum), `comment`. The maximum
   * comes from the queue on the server, never from the form; core recomputes the attempt's grade.
   */
  grade: async (event) => {
    const { locals, params } = event;
    const actor = requireUser(locals, event.url);
    // Who may not grade here gets the page's refusal (403/404), not a form failure.
    const queue = await runLoad(event, () => listGradingQueue(locals.app, actor, params.id));
    return runAction(
      event,
      async (form) => {
        const key = essayKey(form);
        if (!key)
          throw new FormRejected({
            values: {},
            errors: {},
            message: m.form_error_invalid({}, { locale: locals.locale }),
          });
        const essay = queue.find((e) => e.attemptId === key.attemptId && e.slot === key.slot);
        // Graded meanwhile (another tutor, another tab): the page says so instead of grading twice.
        if (!essay) throw new FormRejected({ values: {}, errors: {}, gone: true }, 409);
        const text = gradesText(locals.locale);
        const data = orReject(parseEssayGradeForm(form, essay.maxMark, text, locals.locale));
        const result = await gradeEssay(locals.app, actor, {
          cohortId: params.id,
          attemptId: key.attemptId,
          slot: key.slot,
          fraction: essay.maxMark > 0 ? data.mark / essay.maxMark : 0,
          comment: data.comment,
        });
        return {
          graded: {
            learnerName: essay.learnerName,
            quizTitle: essay.quizTitle,
            grade: result.grade,
            pendingQuestions: result.pendingQuestions,
          },
        };
      },
      {
        extra: (form) => ({ key: keyOf(form) }),
        values: (form) => ({
          mark: String(form.get('mark') ?? ''),
          comment: String(form.get('comment') ?? '').trim(),
        }),
      },
    );
  },
};
