import { redirect } from '@sveltejs/kit';
import {
  cohortSettingsSchema,
  getCohortAdmin,
  listTimeZones,
  updateCohortSettings,
} from '@labmig/core/course-admin';
import { localizeHref } from '$lib/paraglide/runtime';
import { cohortFieldHints, cohortFormValues, cohortSettingsShape } from '$lib/server/admin/cohort-form';
import { explainFields } from '$lib/server/admin/field-hints';
import { runAction, runLoad } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { cohortAdministrator } from '$lib/server/admin/admin-guards';

/** A cohort's settings form (site admins and the cohort's managers). */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () => getCohortAdmin(locals.app, actor, params.id));
  const zones = listTimeZones();
  return {
    cohort: page.cohort,
    can: page.can,
    values: cohortFormValues(page.cohort),
    // A zone stored before the list was checked stays choosable.
    timeZones: zones.includes(page.cohort.timeZone) ? zones : [page.cohort.timeZone, ...zones],
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, params } = event;
    const actor = await cohortAdministrator(event);
    return runAction(event, async (form) => {
      const parsed = parseForm(cohortSettingsSchema, form, formText(locals.locale), cohortSettingsShape);
      const data = orReject(explainFields(parsed, cohortFieldHints(locals.locale)));
      await updateCohortSettings(locals.app, actor, params.id, data, { requestId: locals.requestId });
      redirect(303, `${localizeHref(`/admin/cohorts/${params.id}`)}?done=settings`);
    });
  },
};
