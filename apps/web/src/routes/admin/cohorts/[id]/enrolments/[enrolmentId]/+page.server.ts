import { redirect } from '@sveltejs/kit';
import { getEnrolmentAdmin, removeFromCohort, removeSchema } from '@labmig/core/course-admin';
import { formatDate } from '$lib/format';
import { localizeHref } from '$lib/paraglide/runtime';
import { runAction, runLoad } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { Actions, PageServerLoad } from './$types';
import { cohortAdministrator } from '$lib/server/admin/admin-guards';

/** One person's place in a cohort: their application, their status, and withdrawing them with a reason. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () =>
    getEnrolmentAdmin(locals.app, actor, params.id, params.enrolmentId),
  );
  const e = page.enrolment;
  return {
    cohort: page.cohort,
    can: page.can,
    enrolment: {
      ...e,
      sinceOn: formatDate(e.since, locals.locale),
      enrolledOn: formatDate(e.enrolledAt, locals.locale),
      country: countryOptions(locals.locale).find((o) => o.value === e.country)?.label ?? e.country,
      organisation:
        organisationOptions(locals.locale).find((o) => o.value === e.organisationType)?.label ??
        e.organisationType,
    },
  };
};

export const actions: Actions = {
  withdraw: async (event) => {
    const { locals, params } = event;
    const actor = await cohortAdministrator(event);
    return runAction(event, async (form) => {
      const data = orReject(parseForm(removeSchema, form, formText(locals.locale)));
      await removeFromCohort(locals.app, actor, params.id, params.enrolmentId, data, {
        requestId: locals.requestId,
      });
      redirect(303, `${localizeHref(`/admin/cohorts/${params.id}`)}?done=withdrawn`);
    });
  },
};
