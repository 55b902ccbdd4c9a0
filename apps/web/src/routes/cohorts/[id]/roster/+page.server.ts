import { getRoster } from '@labmig/core';
import { formatDate, formatDateRange } from '$lib/format';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { PageServerLoad } from './$types';

/** The cohort roster: managers of the cohort and site admins (core's policy decides; others get 403). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const roster = await loadOrError(locals.locale, () => getRoster(locals.app, actor, params.id));
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
