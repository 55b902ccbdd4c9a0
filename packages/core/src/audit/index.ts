/**
 * `@labmig/core/audit` — the audit log: every change the course team or a person makes is recorded in the same
 * transaction as the change (`recordAudit`), and read back by site admins (whole log) and managers (their cohorts).
 */
export { recordAudit, changedFields, type AuditEntry, type AuditContext } from './audit.record.ts';
export {
  AUDIT_ACTIONS,
  AUDIT_PAGE_SIZE,
  auditSummarySchema,
  type AuditAction,
  type AuditSubject,
  type AuditSummary,
} from './audit.schema.ts';
export {
  readAuditLog,
  auditFilterSchema,
  type AuditFilterInput,
  type AuditPageDto,
} from './audit.queries.ts';
export type { AuditEventDto, AuditPersonDto } from './audit.present.ts';
export { auditToCsv } from './audit-csv.ts';
export { auditedChange, type Change, type RequestContext } from './audited-change.ts';
