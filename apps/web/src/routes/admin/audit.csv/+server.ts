import { auditCsvResponse } from '$lib/server/admin/audit-routes';
import type { RequestHandler } from './$types';

/** The audit log as CSV, with the filters of the audit page (site admins). */
export const GET: RequestHandler = (event) => auditCsvResponse(event, 'audit-log');
