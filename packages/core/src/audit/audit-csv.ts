import { csvField } from '../shared/csv.ts';
import type { AuditEventDto } from './audit.present.ts';

const HEADER = [
  'occurred_at',
  'actor_name',
  'actor_email',
  'action',
  'cohort',
  'person_name',
  'person_email',
  'subject_type',
  'subject_id',
  'before',
  'after',
  'note',
  'request_id',
];

/**
 * The audit log as CSV (RFC 4180, CRLF, formulas defused), one row per event; before and after are JSON.
 * @example auditToCsv([]) // 'occurred_at,actor_name,…,request_id\r\n'
 */
export function auditToCsv(events: readonly AuditEventDto[]): string {
  const lines = [HEADER.join(',')];
  for (const e of events) {
    lines.push(
      [
        e.occurredAt,
        e.actor?.name ?? '',
        e.actor?.email ?? '',
        e.action,
        e.cohort?.title ?? '',
        e.person?.name ?? '',
        e.person?.email ?? '',
        e.subjectType,
        e.subjectId,
        e.summary.before ? JSON.stringify(e.summary.before) : '',
        e.summary.after ? JSON.stringify(e.summary.after) : '',
        e.summary.note ?? '',
        e.requestId ?? '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
