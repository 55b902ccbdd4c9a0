import { getCohortAdmin } from '@labmig/core/course-admin';
import { localizeHref } from '$lib/paraglide/runtime';
import { loadAuditPage } from '$lib/server/admin/audit-routes';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** A cohort's own audit log (site admins and the cohort's managers). */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const log = await loadAuditPage(event, localizeHref(`/admin/cohorts/${params.id}/audit`), params.id);
  const page = await runLoad(event, () => getCohortAdmin(locals.app, actor, params.id));
  return { log, cohort: page.cohort, can: page.can };
};
