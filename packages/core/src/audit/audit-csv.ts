import { toCsv } from '../shared/csv.ts';
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
 * The audit log as CSV, one row per event (before and after as JSON), written by the campus's one CSV writer
 * (`toCsv`: UTF-8 byte order mark, CRLF, quoting, formulas defused).
 * @example auditToCsv([]) // '\uFEFFoccurred_at,actor_name,…,request_id\r\n'
 */
export function auditToCsv(events: readonly AuditEventDto[]): string {
  return toCsv(
    HEADER,
    events.map((e) => [
      e.occurredAt,
      e.actor?.name,
      e.actor?.email,
      e.action,
      e.cohort?.title,
      e.person?.name,
      e.person?.email,
      e.subjectType,
      e.subjectId,
      e.summary.before ? JSON.stringify(e.summary.before) : '',
      e.summary.after ? JSON.stringify(e.summary.after) : '',
      e.summary.note,
      e.requestId,
    ]),
  );
}
