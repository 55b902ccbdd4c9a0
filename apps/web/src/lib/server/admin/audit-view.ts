import type { AuditPageDto } from '@labmig/core/audit';
import { dateTimeFormat } from '$lib/format';
import type { Locale } from '../locale.ts';

/** One audit event as the audit table shows it: the time in UTC and the change as "field: before → after". */
export interface AuditRowView {
  readonly id: string;
  readonly when: string;
  readonly occurredAt: string;
  readonly actor: string | null;
  readonly action: string;
  readonly cohort: string | null;
  readonly person: string | null;
  readonly changes: string[];
  readonly note: string | null;
}

const show = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

/** Presents a page of the audit log in the user's language. */
export function presentAudit(page: AuditPageDto, locale: Locale): AuditRowView[] {
  const format = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  return page.events.map((e) => {
    const keys = [
      ...new Set([...Object.keys(e.summary.before ?? {}), ...Object.keys(e.summary.after ?? {})]),
    ];
    return {
      id: e.id,
      when: `${format.format(new Date(e.occurredAt))} UTC`,
      occurredAt: e.occurredAt,
      actor: e.actor ? `${e.actor.name} <${e.actor.email}>` : null,
      action: e.action,
      cohort: e.cohort?.title ?? null,
      person: e.person ? `${e.person.name} <${e.person.email}>` : null,
      changes: keys.map((k) =>
        e.summary.before && k in e.summary.before
          ? `${k}: ${show(e.summary.before[k])} → ${show(e.summary.after?.[k])}`
          : `${k}: ${show(e.summary.after?.[k])}`,
      ),
      note: e.summary.note ?? null,
    };
  });
}

/** The query string of an audit filter (for the pager and the CSV link), empty values left out. */
export function auditQuery(filter: Readonly<Record<string, string>>, page = 1): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== '' && k !== 'page') params.set(k, v);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
