import type { Database, Transaction } from '@labmig/db';
import type { App } from '../app/app.ts';
import type { MailMessage } from '../mail/mailer.ts';

/**
 * Sends a notification mail that belongs to the transaction `trx`. For now it goes straight to the mailer; once the
 * job runner is on main it is queued in `trx` (enqueueMail), so that it goes out only if the change commits.
 */
export async function deliverMail(
  app: Pick<App, 'mailer' | 'logger'>,
  _trx: Transaction<Database>,
  message: MailMessage,
) {
  try {
    await app.mailer.send(message);
  } catch (error) {
    app.logger.error('forum mail failed', { kind: message.kind, error });
  }
}
