import { enrol, enrolSchema, getCoursePage, getProfile } from '@labmig/core';
import { fail } from '@sveltejs/kit';
import { failWith } from '$lib/server/actions';
import { echoValues, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import { presentCourse } from '$lib/server/course-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const course = await loadOrError(locals.locale, () => getCoursePage(locals.app, locals.actor, params.slug));
  const profile = locals.actor.kind === 'user' ? await getProfile(locals.app, locals.actor) : null;
  return {
    course: presentCourse(course, locals.locale),
    signedIn: profile !== null,
    /** The signed-in person's address while it waits for confirmation (cohorts that require one say so). */
    unconfirmedEmail: profile && !profile.emailConfirmed ? profile.email : null,
  };
};

/** The apply/enrol form: the cohort and the profile answers. */
const enrolShape = (form: FormData) => ({
  cohortId: form.get('cohortId') ?? '',
  answers: { motivation: form.get('motivation') ?? '', expectations: form.get('expectations') ?? '' },
});

export const actions: Actions = {
  enrol: async ({ locals, request, url }) => {
    const actor = requireUser(locals, url);
    const form = await request.formData();
    const parsed = parseForm(enrolSchema, form, formText(locals.locale), enrolShape);
    const cohortId = String(form.get('cohortId') ?? '');
    if (!parsed.ok) return fail(400, { ...parsed.failure, cohortId });
    try {
      const { status } = await enrol(locals.app, actor, parsed.data);
      return { cohortId, status };
    } catch (error) {
      return failWith(error, echoValues(form), locals.locale, undefined, { cohortId });
    }
  },
};
