import { getRoster, rosterToCsv } from '@labmig/core/cohorts';
import { statusName } from '$lib/components/admin/admin-names';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import { csvDownload } from '$lib/server/csv-download';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { RequestHandler } from './$types';

/**
 * The roster as a CSV download (same access rule as the roster page), in the page's words: its column headings,
 * role and status names, country and organisation names in the reader's language.
 */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const roster = await runLoad(event, () => getRoster(locals.app, actor, params.id));
  const organisations = new Map(organisationOptions(locals.locale).map((o) => [o.value, o.label]));
  const countries = new Map(countryOptions(locals.locale).map((o) => [o.value, o.label]));
  const roles = { learner: m.role_learner, tutor: m.role_tutor, manager: m.role_manager };
  const csv = rosterToCsv(roster, {
    header: [
      m.roster_col_name(),
      m.roster_col_email(),
      m.roster_col_role(),
      m.roster_col_status(),
      m.roster_col_country(),
      m.roster_col_organisation(),
      m.roster_col_job_title(),
      m.roster_col_enrolled(),
      m.roster_col_withdrawn(),
      m.roster_col_motivation(),
      m.roster_col_expectations(),
    ],
    role: (r) => roles[r](),
    status: statusName,
    country: (c) => countries.get(c) ?? c,
    organisation: (o) => organisations.get(o) ?? o,
  });
  return csvDownload(csv, `roster-${roster.cohort.courseSlug}-${roster.cohort.id}.csv`);
};
