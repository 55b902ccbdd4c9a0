import {
  countPasswordResetsSince,
  deleteSessionsOfUser,
  findPasswordReset,
  findUserByEmail,
  insertPasswordReset,
  markPasswordResetUsed,
  revokePasswordResetsOfUser,
  updateUser,
} from '@labmig/db';
import type { App } from '../app/app.ts';
import { DomainValidationError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { passwordResetMail } from '../mail/mail-templates.ts';
import {
  resetRequestSchema,
  resetSchema,
  type ResetInput,
  type ResetRequestInput,
} from './account.schema.ts';
import { hashPassword } from './password.ts';
import { RESET_MAX_PER_HOUR, RESET_TTL_MINUTES } from './session.rules.ts';
import { knownDeviceId, rememberDevice } from './sign-in-device.ts';
import { generateToken, hashToken } from './token.ts';
import { toLocale } from './user.present.ts';

/**
 * Emails a single-use reset link (`{ORIGIN}/reset-password/{token}` — the web route; always the configured origin,
 * never the request's Host header, which an attacker chooses) valid for
 * RESET_TTL_MINUTES, in the user's language. Does nothing visible for unknown emails, so the answer
 * never reveals whether an account exists. At most RESET_MAX_PER_HOUR links per account and hour are mailed
 * (further requests are silently dropped, so the form cannot be used to flood someone's inbox).
 */
export async function requestPasswordReset(app: App, input: ResetRequestInput): Promise<void> {
  const { email } = parseInput(resetRequestSchema, input);
  const user = await findUserByEmail(app.db, email);
  if (!user || user.deactivated_at !== null) {
    app.logger.info('password reset requested for an unknown or deactivated account');
    return;
  }
  const now = app.clock.now();
  const hourAgo = new Date(now.getTime() - 60 * 60_000).toISOString();
  if ((await countPasswordResetsSince(app.db, user.id, hourAgo)) >= RESET_MAX_PER_HOUR) {
    app.logger.warn('password reset throttled', { userId: user.id });
    return;
  }
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MINUTES * 60_000);
  await insertPasswordReset(app.db, {
    id: hashToken(token),
    user_id: user.id,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    used_at: null,
  });
  const locale = toLocale(user.locale);
  const link = `${app.config.origin}${locale === 'fr' ? '/fr' : ''}/reset-password/${token}`;
  await app.mailer.send(
    passwordResetMail({ to: user.email, name: user.name, link, locale, minutes: RESET_TTL_MINUTES }),
  );
}

/**
 * Sets a new password from a reset token, uses the token up, revokes the user's other reset links (an older mail
 * must not reset the password again) and signs out every session of the user. The browser that did it proved it
 * reads the user's mail: it becomes a known device (the returned token, for the device cookie), so that its sign-ins
 * are not held up by others' failures. Throws DomainValidationError `reset.invalid` (unknown or used token) or
 * `reset.expired`.
 */
export async function resetPassword(
  app: App,
  input: ResetInput,
  ctx: { readonly deviceToken?: string } = {},
): Promise<{ deviceToken: string }> {
  const data = parseInput(resetSchema, input);
  const id = hashToken(data.token);
  const reset = await findPasswordReset(app.db, id);
  if (!reset || reset.used_at !== null)
    throw new DomainValidationError({ token: 'reset.invalid' }, 'reset.invalid');
  const now = app.clock.now();
  if (new Date(reset.expires_at) <= now)
    throw new DomainValidationError({ token: 'reset.expired' }, 'reset.expired');
  const passwordHash = await hashPassword(data.password);
  await app.db.transaction().execute(async (trx) => {
    if (!(await markPasswordResetUsed(trx, id, now.toISOString()))) {
      throw new DomainValidationError({ token: 'reset.invalid' }, 'reset.invalid');
    }
    await revokePasswordResetsOfUser(trx, reset.user_id, now.toISOString());
    await updateUser(trx, reset.user_id, { password_hash: passwordHash, updated_at: now.toISOString() });
    await deleteSessionsOfUser(trx, reset.user_id);
  });
  const deviceId = await knownDeviceId(app, reset.user_id, ctx.deviceToken);
  const known = deviceId && ctx.deviceToken ? { id: deviceId, token: ctx.deviceToken } : undefined;
  return { deviceToken: await rememberDevice(app, reset.user_id, known) };
}
