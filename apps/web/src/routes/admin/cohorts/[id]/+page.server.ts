import {
  changeCohortState,
  changeRole,
  decideApplication,
  decisionSchema,
  getCohortAdmin,
  promoteFromWaitingList,
} from '@labmig/core/course-admin';
import { formatDate, formatDateRange } from '$lib/format';
import { runAction, runLoad } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { Actions, PageServerLoad } from './$types';
import { cohortAdministrator } from '$lib/server/admin/admin-guards';

/** A cohort's administration: settings summary, applications, waiting list, enrolled, left (core decides who). */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () => getCohortAdmin(locals.app, actor, params.id));
  const countries = Object.fromEntries(countryOptions(locals.locale).map((o) => [o.value, o.label]));
  const organisations = Object.fromEntries(organisationOptions(locals.locale).map((o) => [o.value, o.label]));
  const present = (list: typeof page.active) =>
    list.map((e) => ({
      ...e,
      sinceOn: formatDate(e.since, locals.locale),
      country: countries[e.country] ?? e.country,
      organisation: organisations[e.organisationType] ?? e.organisationType,
    }));
  return {
    done: url.searchParams.get('done'),
    cohort: {
      ...page.cohort,
      dates: formatDateRange(page.cohort.startsOn, page.cohort.endsOn, locals.locale),
    },
    counts: page.counts,
    can: page.can,
    pending: present(page.pending),
    waitlisted: present(page.waitlisted),
    active: present(page.active),
    left: present(page.left),
  };
};

/** Which enrolment a form is about (each row's forms carry it). */
const enrolmentOf = (form: FormData) => String(form.get('enrolmentId') ?? '');
const extra = (form: FormData) => ({ enrolmentId: enrolmentOf(form) });

export const actions: Actions = {
  decide: async (event) => {
    const { locals, params } = event;
    const actor = await cohortAdministrator(event);
    return runAction(
      event,
      async (form) => {
        const data = orReject(parseForm(decisionSchema, form, formText(locals.locale)));
        const { status } = await decideApplication(locals.app, actor, params.id, enrolmentOf(form), data, {
          requestId: locals.requestId,
        });
        return { done: status, enrolmentId: enrolmentOf(form) };
      },
      { extra },
    );
  },
  promote: async (event) => {
    const { locals, params } = event;
    const actor = await cohortAdministrator(event);
    return runAction(
      event,
      async (form) => {
        await promoteFromWaitingList(locals.app, actor, params.id, enrolmentOf(form), {
          requestId: locals.requestId,
        });
        return { done: 'promoted', enrolmentId: enrolmentOf(form) };
      },
      { extra },
    );
  },
  role: async (event) => {
    const { locals, params } = event;
    const actor = await cohortAdministrator(event);
    return runAction(
      event,
      async (form) => {
        await changeRole(
          locals.app,
          actor,
          params.id,
          enrolmentOf(form),
          { role: String(form.get('role') ?? '') },
          { requestId: locals.requestId },
        );
        return { done: 'role', enrolmentId: enrolmentOf(form) };
      },
      { extra },
    );
  },
  state: async (event) => {
    const { locals, params } = event;
    const actor = await cohortAdministrator(event);
    return runAction(event, async (form) => {
      const state = await changeCohortState(
        locals.app,
        actor,
        params.id,
        { transition: String(form.get('transition') ?? '') },
        { requestId: locals.requestId },
      );
      return { done: `state-${state}` };
    });
  },
};
