import { getProfile } from '@labmig/core/accounts';
import { listMyCourses, withdraw } from '@labmig/core/cohorts';
import { redirect } from '@sveltejs/kit';
import { formatDateRange } from '$lib/format';
import { localizeHref } from '$lib/paraglide/runtime';
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
  // `?withdraw=<cohort id>`: the confirmation asked before a learner leaves (a page of its own, with or without JS).
  const asked = url.searchParams.get('withdraw');
  const confirming = courses.find((c) => c.cohortId === asked && c.role === 'learner') ?? null;
  return {
    confirming: confirming && {
      cohortId: confirming.cohortId,
      courseTitle: confirming.courseTitle,
      cohortTitle: confirming.cohortTitle,
    },
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
        // Withdrawing is confirmed on its own page first; a post without the confirmation goes there.
        if (form.get('confirm') !== 'yes')
          redirect(
            303,
            localizeHref(`/my?withdraw=${encodeURIComponent(cohortId)}`, { locale: locals.locale }),
          );
        // The mail to a learner promoted from the waiting list links to ORIGIN, never the Host header.
        await withdraw(locals.app, actor, { cohortId }, { requestId: locals.requestId });
        return { withdrawn: true };
      },
      { values: () => ({}) },
    );
  },
};
