import { getPerson, sendPasswordLink, setAccountActive, setSiteAdmin } from '@labmig/core/course-admin';
import { formatDate, formatDateRange } from '$lib/format';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { Actions, PageServerLoad } from './$types';
import { siteAdministrator } from '$lib/server/admin/admin-guards';

/** A person's account and places, with the account actions (site admins). */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const person = await runLoad(event, () => getPerson(locals.app, actor, params.id));
  return {
    done: url.searchParams.get('done'),
    person: {
      ...person,
      createdOn: formatDate(person.createdAt, locals.locale),
      deactivatedOn: person.deactivatedAt ? formatDate(person.deactivatedAt, locals.locale) : null,
      country: countryOptions(locals.locale).find((o) => o.value === person.country)?.label ?? person.country,
      organisation:
        organisationOptions(locals.locale).find((o) => o.value === person.organisationType)?.label ??
        person.organisationType,
      enrolments: person.enrolments.map((e) => ({
        ...e,
        dates: formatDateRange(e.startsOn, e.endsOn, locals.locale),
      })),
    },
  };
};

export const actions: Actions = {
  password: async (event) => {
    const { locals, params } = event;
    const actor = await siteAdministrator(event, 'people.manage');
    return runAction(event, async () => {
      await sendPasswordLink(locals.app, actor, params.id, { requestId: locals.requestId });
      return { done: 'password' };
    });
  },
  active: async (event) => {
    const { locals, params } = event;
    const actor = await siteAdministrator(event, 'people.manage');
    return runAction(event, async (form) => {
      const active = form.get('active') === 'yes';
      await setAccountActive(locals.app, actor, params.id, active, { requestId: locals.requestId });
      return { done: active ? 'reactivated' : 'deactivated' };
    });
  },
  admin: async (event) => {
    const { locals, params } = event;
    const actor = await siteAdministrator(event, 'people.set-admin');
    return runAction(
      event,
      async (form) => {
        const input = { admin: String(form.get('admin') ?? ''), confirm: String(form.get('confirm') ?? '') };
        const { isAdmin } = await setSiteAdmin(locals.app, actor, params.id, input, {
          requestId: locals.requestId,
        });
        return { done: isAdmin ? 'granted' : 'removed' };
      },
      { field: 'confirm' },
    );
  },
};
