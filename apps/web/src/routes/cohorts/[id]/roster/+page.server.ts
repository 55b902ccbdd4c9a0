import { getRoster } from '@labmig/core/cohorts';
import { formatDate, formatDateRange } from '$lib/format';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { PageServerLoad } from './$types';

/** The cohort roster: managers of the cohort and site admins (core's policy decides; others get 403). */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const roster = await runLoad(event, () => getRoster(locals.app, actor, params.id));
  const organisations = Object.fromEntries(organisationOptions(locals.locale).map((o) => [o.value, o.label]));
  const countries = Object.fromEntries(countryOptions(locals.locale).map((o) => [o.value, o.label]));
  return {
    cohort: {
      ...roster.cohort,
      dates: formatDateRange(roster.cohort.startsOn, roster.cohort.endsOn, locals.locale),
    },
    counts: roster.counts,
    entries: roster.entries.map((e) => ({
      userId: e.userId,
      name: e.name,
      email: e.email,
      country: countries[e.country] ?? e.country,
      organisation: organisations[e.organisationType] ?? e.organisationType,
      role: e.role,
      status: e.status,
      enrolledOn: formatDate(e.enrolledAt, locals.locale),
    })),
  };
};
