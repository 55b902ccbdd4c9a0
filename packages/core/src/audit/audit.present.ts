import type { AuditEventRow } from '@labmig/db';
import { parseStoredJson } from '../shared/stored-json.ts';
import { auditSummarySchema, type AuditSummary } from './audit.schema.ts';

/** Someone named in an audit event. */
export interface AuditPersonDto {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** One audit event as the audit page and its CSV show it. */
export interface AuditEventDto {
  readonly id: string;
  readonly occurredAt: string;
  /** Null when the campus itself made the change (command line, background job) or the account is gone. */
  readonly actor: AuditPersonDto | null;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly cohort: { readonly id: string; readonly title: string } | null;
  readonly person: AuditPersonDto | null;
  readonly summary: AuditSummary;
  readonly requestId: string | null;
}

/** An audit row joined with the names of its actor, person and cohort. */
export type AuditEventJoinedRow = AuditEventRow & {
  readonly actor_name: string | null;
  readonly actor_email: string | null;
  readonly person_name: string | null;
  readonly person_email: string | null;
  readonly cohort_title: string | null;
};

function personOf(id: string | null, name: string | null, email: string | null): AuditPersonDto | null {
  return id !== null && name !== null && email !== null ? { id, name, email } : null;
}

/** Maps a joined audit row to its DTO (the summary read back through its schema). */
export function presentAuditEvent(row: AuditEventJoinedRow): AuditEventDto {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actor: personOf(row.actor_user_id, row.actor_name, row.actor_email),
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    cohort:
      row.cohort_id !== null && row.cohort_title !== null
        ? { id: row.cohort_id, title: row.cohort_title }
        : null,
    person: personOf(row.person_user_id, row.person_name, row.person_email),
    summary: parseStoredJson(auditSummarySchema, row.summary, `audit summary ${row.id}`),
    requestId: row.request_id,
  };
}
