import { fail } from '@sveltejs/kit';
import { getLessonPage, markLesson } from '@labmig/core';
import { m } from '$lib/paraglide/messages';
import { failWith } from '$lib/server/actions';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { Actions, PageServerLoad } from './$types';

/** Reading page: server-rendered only, no client JavaScript (keeps the page under the 40 KB budget). */
export const csr = false;

/** A lesson (or its "opens on …" outline), with previous/next and the learner's done state. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const page = await loadOrError(locals.locale, () =>
    getLessonPage(locals.app, actor, params.id, params.module, params.lesson, locals.locale),
  );
  return { page };
};

export const actions: Actions = {
  /** Marks the lesson as done (`done=1`) or not done (`done=0`). */
  mark: async ({ locals, params, request, url }) => {
    const actor = requireUser(locals, url);
    const done = String((await request.formData()).get('done') ?? '');
    if (done !== '0' && done !== '1')
      return fail(400, {
        message: m.form_error_invalid({}, { locale: locals.locale }),
        values: {},
        errors: {},
      });
    try {
      await markLesson(locals.app, actor, {
        cohortId: params.id,
        moduleId: params.module,
        lessonId: params.lesson,
        done: done === '1',
      });
    } catch (error) {
      return failWith(error, {}, locals.locale);
    }
    return { marked: done === '1' ? ('done' as const) : ('not_done' as const) };
  },
};
