import { z } from 'zod';
import type { App } from '../app/app.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { enqueueJob, type EnqueueOptions } from './job-queue.ts';
import { defineJobType } from './job-type.ts';

const mailMessageSchema = z.object({
  to: z.email(),
  subject: z.string().min(1).max(300),
  text: z.string().max(200_000),
  kind: z.string().min(1).max(60),
  locale: z.string().min(2).max(10),
});

/**
 * Sends one queued mail through the app's mailer (SMTP, or the outbox table without SMTP). An SMTP server that is
 * down is tried again: after 30 s, 1 min, 2 min, … up to 8 tries (about 2 hours).
 */
export const sendMailJob = defineJobType({
  type: 'mail.send',
  payload: mailMessageSchema,
  maxAttempts: 8,
  backoff: { baseMs: 30_000, maxMs: 60 * 60_000 },
  timeoutMs: 2 * 60_000,
  run: async (app, message) => {
    await app.mailer.send(message);
  },
});

/**
 * Queues a mail to be sent by the job runner. Pass the feature's transaction as `trx`: the mail goes out only if
 * the change it reports commits, and an SMTP failure never undoes that change. Returns the job id.
 * @example await app.db.transaction().execute((trx) => enqueueMail(app, message, { trx }))
 */
export async function enqueueMail(
  app: Pick<App, 'db' | 'clock'>,
  message: MailMessage,
  options: Pick<EnqueueOptions, 'trx' | 'runAt' | 'once'> = {},
): Promise<string | undefined> {
  return enqueueJob(app, sendMailJob, message, options);
}
