// Course administration: the audit log, email-change links and reminder deliveries.

/** One change made by someone (or by the campus itself), as the audit log keeps it. */
export interface AuditEventTable {
  id: string;
  occurred_at: string;
  /** Who made the change; null for the campus itself (the command line, background jobs). */
  actor_user_id: string | null;
  /** What was done, `<subject>.<verb>` (e.g. `enrolment.approved`). */
  action: string;
  /** The kind of thing changed (`cohort`, `enrolment`, `user`). */
  subject_type: string;
  subject_id: string;
  /** The cohort the change belongs to, if any (for filters and managers' views). */
  cohort_id: string | null;
  /** The person the change is about, if any (the enrolled learner, the user whose account changed). */
  person_user_id: string | null;
  /** JSON `{ before?, after?, note? }` (read back through core's schema). */
  summary: string;
  /** The web request that made the change, to match it with the logs. */
  request_id: string | null;
}

/** A link that confirms a new email address; `id` is the sha256 hex of the mailed token. */
export interface EmailChangeTable {
  id: string;
  user_id: string;
  new_email: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A reminder that went to a person; unique per (kind, event_key, user_id), so it goes once. */
export interface ReminderDeliveryTable {
  id: string;
  kind: string;
  event_key: string;
  user_id: string;
  created_at: string;
}

/** The course-administration tables. */
export interface CourseAdminTables {
  audit_events: AuditEventTable;
  email_changes: EmailChangeTable;
  reminder_deliveries: ReminderDeliveryTable;
}
