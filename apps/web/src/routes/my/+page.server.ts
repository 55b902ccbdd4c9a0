import { getProfile } from '@labmig/core/accounts';
import { listMyCourses, withdraw } from '@labmig/core/cohorts';
import { formatDateRange } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { runAction, runLoad } from '$lib/server/edge';
import { FormRejected } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const [courses, profile] = await runLoad(event, () =>
    Promise.all([listMyCourses(locals.app, actor, locals.locale), getProfile(locals.app, actor)]),
  );
  return {
    courses: courses.map((c) => ({ ...c, dates: formatDateRange(c.startsOn, c.endsOn, locals.locale) })),
    unconfirmedEmail: profile.emailConfirmed ? null : profile.email,
  };
};

export const actions: Actions = {
  withdraw: async (event) => {
    const { locals, url } = event;
    const actor = requireUser(locals, url);
    return runAction(
      event,
      async (form) => {
        const cohortId = String(form.get('cohortId') ?? '');
        if (!cohortId)
          throw new FormRejected({
            message: m.form_error_invalid({}, { locale: locals.locale }),
            values: {},
            errors: {},
          });
        // The mail to a learner promoted from the waiting list links to ORIGIN, never the Host header.
        await withdraw(locals.app, actor, { cohortId }, { requestId: locals.requestId });
        return { withdrawn: true };
      },
      { values: () => ({}) },
    );
  },
};
