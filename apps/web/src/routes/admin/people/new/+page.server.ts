import { redirect } from '@sveltejs/kit';
import { assertCan, SITE } from '@labmig/core/access';
import { createPerson, createPersonSchema } from '@labmig/core/course-admin';
import { localizeHref } from '$lib/paraglide/runtime';
import { runAction, runLoad } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { Actions, PageServerLoad } from './$types';
import { siteAdministrator } from '$lib/server/admin/admin-guards';

/** Create an account (site admins): the person is mailed a link to choose their password. */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  await runLoad(event, async () => assertCan(actor, 'people.manage', SITE, { forbidden: 'admin.only' }));
  return { countries: countryOptions(locals.locale), organisationTypes: organisationOptions(locals.locale) };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals } = event;
    const actor = await siteAdministrator(event, 'people.manage');
    return runAction(event, async (form) => {
      const data = orReject(parseForm(createPersonSchema, form, formText(locals.locale)));
      const { id } = await createPerson(locals.app, actor, data, { requestId: locals.requestId });
      redirect(303, `${localizeHref(`/admin/people/${id}`)}?done=created`);
    });
  },
};
