import {
  findEmailConfirmation,
  findUserByEmail,
  findUserById,
  updateUser,
  useEmailConfirmationsOfUser,
} from '@labmig/db';
import { z } from 'zod';
import type { App } from '../app/app.ts';
import { DomainValidationError, NotFoundError, RateLimitedError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import type { Actor } from '../access/actor.ts';
import { emailField } from './account.schema.ts';
import { requireUserId } from './account.commands.ts';
import { CONFIRM_RESENDS_PER_HOUR, mailConfirmationLink } from './confirmation-mail.ts';
import { reserveAttempts, type RateBucket } from './rate-limit.ts';
import { hashToken } from './token.ts';
import { toLocale } from './user.present.ts';
import { enqueueMail } from '../jobs/mail-send.job.ts';
import { welcomeMail } from '../mail/account-admin-mail-templates.ts';
import { siteLink } from '../mail/outgoing.ts';

const resendBucket = (userId: string): RateBucket => ({
  key: `confirm:user:${userId}`,
  limit: CONFIRM_RESENDS_PER_HOUR,
  windowMinutes: 60,
  onSuccess: 'release',
});

const confirmSchema = z.object({ token: z.string().trim().min(1).max(200) });

/**
 * Confirms the address of the user a link was mailed to, and queues the welcome mail (in the person's language) with
 * the confirmation: the account is theirs from now on. Opening a link again (or after a mail scanner did) answers
 * `alreadyConfirmed: true`. Throws DomainValidationError `confirm.invalid` (unknown link) or `confirm.expired`.
 */
export async function confirmEmail(
  app: App,
  input: { token: string },
): Promise<{ email: string; alreadyConfirmed: boolean }> {
  const { token } = parseInput(confirmSchema, input);
  const link = await findEmailConfirmation(app.db, hashToken(token));
  const user = link ? await findUserById(app.db, link.user_id) : undefined;
  if (!link || !user) throw new DomainValidationError({ token: 'confirm.invalid' }, 'confirm.invalid');
  if (user.email_confirmed_at !== null) return { email: user.email, alreadyConfirmed: true };
  const now = app.clock.now();
  if (new Date(link.expires_at) <= now)
    throw new DomainValidationError({ token: 'confirm.expired' }, 'confirm.expired');
  await app.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { email_confirmed_at: now.toISOString(), updated_at: now.toISOString() });
    await useEmailConfirmationsOfUser(trx, user.id, now.toISOString());
    const locale = toLocale(user.locale);
    await enqueueMail(
      app,
      welcomeMail({
        to: user.email,
        name: user.name,
        locale,
        coursesLink: siteLink(app, locale, '/courses'),
        profileLink: siteLink(app, locale, '/profile'),
      }),
      { trx },
    );
  });
  return { email: user.email, alreadyConfirmed: false };
}

/**
 * Mails the signed-in user a new confirmation link (`sent: false` when the address is confirmed already). Throws
 * RateLimitedError `confirm.rate_limited` after CONFIRM_RESENDS_PER_HOUR links in an hour.
 */
export async function resendConfirmation(
  app: App,
  actor: Actor,
  options: { readonly next?: string } = {},
): Promise<{ sent: boolean }> {
  const user = await findUserById(app.db, requireUserId(actor));
  if (!user) throw new NotFoundError('user.not_found');
  if (user.email_confirmed_at !== null) return { sent: false };
  if (!(await reserveAttempts(app, [resendBucket(user.id)])))
    throw new RateLimitedError('confirm.rate_limited');
  await mailConfirmationLink(app, user, options.next);
  return { sent: true };
}

/**
 * "Send me the link again" without being signed in: mails a new link when the address has an account waiting for
 * confirmation (at most CONFIRM_RESENDS_PER_HOUR an hour); otherwise does nothing. The answer is the same either way,
 * so the form cannot tell whether an address has an account.
 */
export async function requestConfirmation(app: App, input: { email: string }): Promise<void> {
  const { email } = parseInput(z.object({ email: emailField }), input);
  const user = await findUserByEmail(app.db, email);
  if (!user || user.email_confirmed_at !== null) return;
  if (!(await reserveAttempts(app, [resendBucket(user.id)]))) {
    app.logger.warn('confirmation link throttled', { userId: user.id });
    return;
  }
  await mailConfirmationLink(app, user);
}
