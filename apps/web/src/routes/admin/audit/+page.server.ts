import { listAuditCohortChoices } from '@labmig/core/course-admin';
import { localizeHref } from '$lib/paraglide/runtime';
import { loadAuditPage } from '$lib/server/admin/audit-routes';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The whole audit log (site admins), filtered by cohort, person and action. */
export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const log = await loadAuditPage(event, localizeHref('/admin/audit'));
  const cohorts = await runLoad(event, () => listAuditCohortChoices(event.locals.app, actor));
  return { log, cohorts };
};
