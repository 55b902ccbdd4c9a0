import { getLessonPage, markLesson } from '@labmig/core/learning';
import { m } from '$lib/paraglide/messages';
import { runAction, runLoad } from '$lib/server/edge';
import { FormRejected } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** Reading page: server-rendered only, no client JavaScript (keeps the page under the 40 KB budget). */
export const csr = false;

/** A lesson (or its "opens on …" outline), with previous/next and the learner's done state. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () =>
    getLessonPage(locals.app, actor, params.id, params.module, params.lesson, locals.locale),
  );
  return { page };
};

export const actions: Actions = {
  /** Marks the lesson as done (`done=1`) or not done (`done=0`). */
  mark: async (event) => {
    const { locals, params, url } = event;
    const actor = requireUser(locals, url);
    return runAction(
      event,
      async (form) => {
        const done = String(form.get('done') ?? '');
        if (done !== '0' && done !== '1')
          throw new FormRejected({
            message: m.form_error_invalid({}, { locale: locals.locale }),
            values: {},
            errors: {},
          });
        await markLesson(locals.app, actor, {
          cohortId: params.id,
          moduleId: params.module,
          lessonId: params.lesson,
          done: done === '1',
        });
        return { marked: done === '1' ? ('done' as const) : ('not_done' as const) };
      },
      { values: () => ({}) },
    );
  },
};
