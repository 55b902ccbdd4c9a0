import { findUserByEmail, listAuditEvents } from '@labmig/db';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { loadCohortAccess, SITE } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { parseInput } from '../errors/parse-input.ts';
import { presentAuditEvent, type AuditEventDto } from './audit.present.ts';
import { AUDIT_ACTIONS, AUDIT_CSV_MAX_ROWS, AUDIT_PAGE_SIZE, type AuditAction } from './audit.schema.ts';

/** The audit page's filters: a cohort, a person (by email), an action, and the page. */
export const auditFilterSchema = z.object({
  cohortId: z.string().trim().max(64).default(''),
  person: z.string().trim().toLowerCase().max(254).default(''),
  action: z.union([z.enum(AUDIT_ACTIONS), z.literal('')]).default(''),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
/** The audit filters as a form or query string gives them (checked by `auditFilterSchema`). */
export interface AuditFilterInput {
  readonly cohortId?: string;
  readonly person?: string;
  readonly action?: string;
  readonly page?: string | number;
}

/** One page of the audit log. */
export interface AuditPageDto {
  readonly events: readonly AuditEventDto[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  readonly filter: { readonly cohortId: string; readonly person: string; readonly action: AuditAction | '' };
  /** True when the person filter names an address with no account (the list is then empty). */
  readonly unknownPerson: boolean;
}

/**
 * Reads the audit log, newest first. The whole log is for site admins (`audit.view`); a log filtered to one cohort
 * is also for that cohort's active managers (`audit.view-cohort`: others get NotFoundError `cohort.not_found` when
 * they are not in the cohort, ForbiddenError `admin.only` when they are). One page of AUDIT_PAGE_SIZE events, or
 * with `all` every matching event up to AUDIT_CSV_MAX_ROWS (the CSV export).
 */
export async function readAuditLog(
  app: App,
  actor: Actor,
  input: AuditFilterInput,
  options: { readonly all?: boolean } = {},
): Promise<AuditPageDto> {
  const filter = parseInput(auditFilterSchema, input);
  if (filter.cohortId) {
    const { access } = await loadCohortAccess(app.db, actor, filter.cohortId);
    assertCan(actor, 'audit.view-cohort', access, { hidden: 'cohort.not_found', forbidden: 'admin.only' });
  } else {
    assertCan(actor, 'audit.view', SITE, { forbidden: 'admin.only' });
  }
  const person = filter.person ? await findUserByEmail(app.db, filter.person) : undefined;
  const echo = { cohortId: filter.cohortId, person: filter.person, action: filter.action };
  if (filter.person && !person)
    return { events: [], total: 0, page: 1, pageCount: 1, filter: echo, unknownPerson: true };
  const limit = options.all ? AUDIT_CSV_MAX_ROWS : AUDIT_PAGE_SIZE;
  const { rows, total } = await listAuditEvents(app.db, {
    ...(filter.cohortId ? { cohortIds: [filter.cohortId] } : {}),
    ...(person ? { personUserId: person.id } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    limit,
    offset: options.all ? 0 : (filter.page - 1) * AUDIT_PAGE_SIZE,
  });
  return {
    events: rows.map(presentAuditEvent),
    total,
    page: options.all ? 1 : filter.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    filter: echo,
    unknownPerson: false,
  };
}
