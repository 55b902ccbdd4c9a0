import { getProfile } from '@labmig/core/accounts';
import { getCoursePage } from '@labmig/core/catalogue';
import { enrol, enrolSchema } from '@labmig/core/cohorts';
import { runAction, runLoad } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import { presentCourse } from '$lib/server/course-view';
import type { Actions, PageServerLoad } from './$types';

/**
 * The public course page is server-rendered only: its enrol form is a plain POST, so it sends no client JavaScript
 * (the page weight budget of issue 11: under 20 KB compressed).
 */
export const csr = false;

export const load: PageServerLoad = async (event) => {
  const { locals, params } = event;
  const actor = locals.actor;
  const [course, profile] = await runLoad(event, () =>
    Promise.all([
      getCoursePage(locals.app, actor, params.slug),
      actor.kind === 'user' ? getProfile(locals.app, actor) : null,
    ]),
  );
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
  enrol: async (event) => {
    const { locals, url } = event;
    const actor = requireUser(locals, url);
    return runAction(
      event,
      async (form) => {
        const data = orReject(parseForm(enrolSchema, form, formText(locals.locale), enrolShape));
        const { status } = await enrol(locals.app, actor, data, { requestId: locals.requestId });
        return { cohortId: data.cohortId, status };
      },
      { extra: (form) => ({ cohortId: String(form.get('cohortId') ?? '') }) },
    );
  },
};
