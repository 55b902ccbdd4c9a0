import type { Database, Transaction } from '@labmig/db';
import type { App } from '../app/app.ts';
import { enqueueMail } from '../jobs/mail-send.job.ts';
import type { MailMessage } from '../mail/mailer.ts';

/**
 * Queues a notification mail in the transaction `trx` of the change it reports: it goes out (through SMTP or the
 * outbox, by the job runner, retried while SMTP is down) only if that change commits, and a mail failure never
 * undoes it.
 */
export async function deliverMail(
  app: Pick<App, 'db' | 'clock'>,
  trx: Transaction<Database>,
  message: MailMessage,
) {
  await enqueueMail(app, message, { trx });
}
