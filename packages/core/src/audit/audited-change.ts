import type { Database, Transaction } from '@labmig/db';
import type { App } from '../app/app.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { enqueueMail } from '../jobs/mail-send.job.ts';
import { recordAudit, type AuditEntry } from './audit.record.ts';

/** Where a command was called from: the web request (its id goes into the audit log). */
export interface RequestContext {
  readonly requestId?: string;
}

/** A change in progress: its transaction, its time, who makes it, and the mail it will send. */
export interface Change {
  readonly trx: Transaction<Database>;
  /** The time of the change (ISO-8601), the same for every row it writes. */
  readonly at: string;
  /** Who makes it: a user id, or null for the campus itself (command line, jobs). */
  readonly actorUserId: string | null;
  /** Records an event in the audit log, in the change's transaction. */
  audit(entry: Omit<AuditEntry, 'actorUserId'>): Promise<void>;
  /** Mails someone about the change: queued in the change's transaction, sent by the job runner after the commit. */
  mail(message: MailMessage): void;
}

/**
 * Runs `work` as one audited change: one transaction for the change, its audit events and the mail it asked for
 * (queued as `mail.send` jobs in that transaction: a rolled-back change mails no one; the job runner sends and
 * retries the mail, so a failed mail never undoes the change).
 * @example await auditedChange(app, actor.userId, ctx, async (change) => { …; await change.audit({ action: 'cohort.closed', … }); })
 */
export async function auditedChange<T>(
  app: App,
  actorUserId: string | null,
  context: RequestContext,
  work: (change: Change) => Promise<T>,
): Promise<T> {
  const at = app.clock.now().toISOString();
  return app.db.transaction().execute(async (trx) => {
    const mail: MailMessage[] = [];
    const result = await work({
      trx,
      at,
      actorUserId,
      audit: (entry) => recordAudit(trx, { at, requestId: context.requestId }, { ...entry, actorUserId }),
      mail: (message) => mail.push(message),
    });
    for (const message of mail) await enqueueMail(app, message, { trx });
    return result;
  });
}
