import { z } from 'zod';

/**
 * Every action the audit log records, `<subject>.<verb>`. A new kind of change adds its name here, so the filter on
 * the audit page lists it and a typo cannot create a second spelling.
 */
export const AUDIT_ACTIONS = [
  'cohort.created',
  'cohort.updated',
  'cohort.closed',
  'cohort.reopened',
  'cohort.archived',
  'cohort.restored',
  'enrolment.applied',
  'enrolment.enrolled',
  'enrolment.added',
  'enrolment.approved',
  'enrolment.declined',
  'enrolment.role_changed',
  'enrolment.promoted',
  'enrolment.withdrawn',
  'user.created',
  'user.invited',
  'user.password_link_sent',
  'user.deactivated',
  'user.reactivated',
  'user.admin_granted',
  'user.admin_removed',
  'user.password_changed',
  'user.email_change_requested',
  'user.email_changed',
  'user.reminders_changed',
] as const;

/** An action of the audit log. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of things the audit log records changes to. */
export type AuditSubject = 'cohort' | 'enrolment' | 'user';

/** A value in a before/after summary: short text, a number, a yes/no, or nothing. */
const summaryValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
const summaryFields = z.record(z.string().max(60), summaryValue);

/**
 * The summary of a change: the fields it changed as they were (`before`) and became (`after`), and an optional
 * note (a reason, "automatic", "from a CSV list"). Checked when written and when read back.
 */
export const auditSummarySchema = z
  .object({
    before: summaryFields.optional(),
    after: summaryFields.optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();

/** A change summary as stored. */
export type AuditSummary = z.infer<typeof auditSummarySchema>;

/** Rows the audit page shows at once. */
export const AUDIT_PAGE_SIZE = 50;
/** Most rows one CSV export holds. */
export const AUDIT_CSV_MAX_ROWS = 50_000;
