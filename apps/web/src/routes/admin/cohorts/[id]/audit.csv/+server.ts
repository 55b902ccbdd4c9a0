import { auditCsvResponse } from '$lib/server/admin/audit-routes';
import type { RequestHandler } from './$types';

/** A cohort's audit log as CSV (site admins and the cohort's managers). */
export const GET: RequestHandler = (event) => auditCsvResponse(event, 'cohort-audit-log', event.params.id);
