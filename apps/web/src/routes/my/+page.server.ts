import { fail } from '@sveltejs/kit';
import { getProfile, listMyCourses, withdraw } from '@labmig/core';
import { formatDateRange } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { failWith } from '$lib/server/actions';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireUser(locals, url);
  const courses = await listMyCourses(locals.app, actor);
  const profile = await getProfile(locals.app, actor);
  return {
    courses: courses.map((c) => ({ ...c, dates: formatDateRange(c.startsOn, c.endsOn, locals.locale) })),
    unconfirmedEmail: profile.emailConfirmed ? null : profile.email,
  };
};

export const actions: Actions = {
  withdraw: async ({ locals, request, url }) => {
    const actor = requireUser(locals, url);
    const cohortId = String((await request.formData()).get('cohortId') ?? '');
    if (!cohortId)
      return fail(400, {
        message: m.form_error_invalid({}, { locale: locals.locale }),
        values: {},
        errors: {},
      });
    try {
      await withdraw(locals.app, actor, { cohortId });
    } catch (error) {
      return failWith(error, {}, locals.locale);
    }
    return { withdrawn: true };
  },
};
