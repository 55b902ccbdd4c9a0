import { AUDIT_ACTIONS, auditToCsv, readAuditLog } from '@labmig/core/audit';
import type { RequestEvent } from '@sveltejs/kit';
import { runLoad } from '../edge.ts';
import { requireUser } from '../guards.ts';
import { auditQuery, presentAudit } from './audit-view.ts';

/** The filters of the audit page from its query string (a cohort's own log fixes the cohort). */
function filterOf(url: URL, cohortId?: string) {
  const get = (name: string) => url.searchParams.get(name) ?? '';
  return {
    cohortId: cohortId ?? get('cohortId'),
    person: get('person'),
    action: get('action'),
    page: get('page') || 1,
  };
}

/**
 * Loads one page of the audit log for a page: the whole log (site admins) or one cohort's (its managers too); core
 * decides who may read it.
 */
export async function loadAuditPage(event: RequestEvent, base: string, cohortId?: string) {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () => readAuditLog(locals.app, actor, filterOf(url, cohortId)));
  const shown = cohortId ? { ...page.filter, cohortId: '' } : page.filter;
  return {
    rows: presentAudit(page, locals.locale),
    filter: page.filter,
    page: page.page,
    pageCount: page.pageCount,
    total: page.total,
    unknownPerson: page.unknownPerson,
    actions: [...AUDIT_ACTIONS],
    csvHref: `${base}.csv${auditQuery(shown)}`,
    previous: page.page > 1 ? `${base}${auditQuery(shown, page.page - 1)}` : undefined,
    next: page.page < page.pageCount ? `${base}${auditQuery(shown, page.page + 1)}` : undefined,
  };
}

/** The audit log as a CSV download, with the page's filters. */
export async function auditCsvResponse(
  event: RequestEvent,
  name: string,
  cohortId?: string,
): Promise<Response> {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () =>
    readAuditLog(locals.app, actor, filterOf(url, cohortId), { all: true }),
  );
  return new Response(auditToCsv(page.events), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
