import { answerLabExercise, getLabExercisePage } from '@labmig/core/lab-exercises';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** Server-rendered; the answer form is a plain POST, so the page needs no client JavaScript. */
export const csr = false;

/**
 * One Lab exercise: the task, the practice dataset and links to the Lab; a learner's answer form and attempts (with
 * which answer is off); staff see the expected values and every learner's attempts. Core decides who sees what.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () =>
    getLabExercisePage(locals.app, actor, { cohortId: params.id, key: params.key }, locals.locale),
  );
  return { page };
};

export const actions: Actions = {
  /** Records and grades one attempt: the fields are `answer-<id>`. */
  answer: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(event, async (form) => {
      const answers: Record<string, string> = {};
      for (const [name, value] of form.entries())
        if (name.startsWith('answer-') && typeof value === 'string') answers[name.slice(7)] = value;
      const outcome = await answerLabExercise(event.locals.app, actor, {
        cohortId: event.params.id,
        key: event.params.key,
        answers,
      });
      const results = Object.values(outcome.results);
      return {
        done: 'answered' as const,
        attempt: outcome.attempt,
        correct: outcome.correct,
        score: outcome.score,
        right: results.filter((r) => r === 'correct').length,
        total: results.length,
      };
    });
  },
};
