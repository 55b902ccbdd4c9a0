import { redirect } from '@sveltejs/kit';
import {
  createCohortAsAdmin,
  listCourseChoices,
  listTimeZones,
  newCohortSchema,
} from '@labmig/core/course-admin';
import { localizeHref } from '$lib/paraglide/runtime';
import { cohortFieldHints, cohortSettingsShape, newCohortValues } from '$lib/server/admin/cohort-form';
import { explainFields } from '$lib/server/admin/field-hints';
import { runAction, runLoad } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { siteAdministrator } from '$lib/server/admin/admin-guards';

/** The new-cohort form (site admins; core refuses everyone else with 403). */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const courses = await runLoad(event, () => listCourseChoices(locals.app, actor));
  return {
    courses,
    timeZones: listTimeZones(),
    values: newCohortValues(locals.app.clock.now(), courses[0]?.slug ?? ''),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals } = event;
    const actor = await siteAdministrator(event, 'cohort.create');
    return runAction(event, async (form) => {
      const parsed = parseForm(newCohortSchema, form, formText(locals.locale), cohortSettingsShape);
      const data = orReject(explainFields(parsed, cohortFieldHints(locals.locale)));
      const cohort = await createCohortAsAdmin(locals.app, actor, data, { requestId: locals.requestId });
      redirect(303, `${localizeHref(`/admin/cohorts/${cohort.id}`)}?done=created`);
    });
  },
};
