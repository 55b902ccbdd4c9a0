import { insertAuditEvent, newId, type Database, type Kysely } from '@labmig/db';
import {
  auditSummarySchema,
  type AuditAction,
  type AuditSubject,
  type AuditSummary,
} from './audit.schema.ts';

/** One change to record. */
export interface AuditEntry {
  /** Who made it: a user id, or null for the campus itself (command line, background jobs). */
  readonly actorUserId: string | null;
  readonly action: AuditAction;
  readonly subject: { readonly type: AuditSubject; readonly id: string };
  readonly cohortId?: string | null;
  /** The person the change is about (the learner, the account). */
  readonly personUserId?: string | null;
  readonly summary?: AuditSummary;
}

/** Where a change came from: the time it was made and the web request, if any. */
export interface AuditContext {
  readonly at: string;
  readonly requestId?: string;
}

/**
 * Records a change in the audit log. Call it with the transaction that makes the change, so the log and the
 * change commit (or roll back) together. A summary that does not fit its schema is a bug: plain Error.
 * @example await recordAudit(trx, { at, requestId }, { actorUserId, action: 'cohort.closed', subject: { type: 'cohort', id } })
 */
export async function recordAudit(
  trx: Kysely<Database>,
  context: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  const summary = auditSummarySchema.safeParse(entry.summary ?? {});
  if (!summary.success)
    throw new Error(`audit summary of ${entry.action} does not fit its schema: ${summary.error.message}`);
  await insertAuditEvent(trx, {
    id: newId(),
    occurred_at: context.at,
    actor_user_id: entry.actorUserId,
    action: entry.action,
    subject_type: entry.subject.type,
    subject_id: entry.subject.id,
    cohort_id: entry.cohortId ?? null,
    person_user_id: entry.personUserId ?? null,
    summary: JSON.stringify(summary.data),
    request_id: context.requestId ?? null,
  });
}

/**
 * The fields of `after` that differ from `before`, each as it was and became (for an "updated" summary).
 * @example changedFields({ a: 1, b: 2 }, { a: 1, b: 3 }) // { before: { b: 2 }, after: { b: 3 } }
 */
export function changedFields<T extends Record<string, string | number | boolean | null>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const was: Partial<T> = {};
  const is: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (before[key] === after[key]) continue;
    was[key] = before[key];
    is[key] = after[key];
  }
  return { before: was, after: is };
}
