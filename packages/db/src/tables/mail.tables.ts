// The mail outbox.

/** Mail waiting to be read by admins (no SMTP) or a record of what was sent. */
export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  locale: string;
  created_at: string;
  sent_at: string | null;
}

/** The mail tables. */
export interface MailTables {
  outbox: OutboxTable;
}
