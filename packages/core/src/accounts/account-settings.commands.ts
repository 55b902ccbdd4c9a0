import {
  countEmailChangesSince,
  deleteOtherSessionsOfUser,
  deleteSessionsOfUser,
  findEmailChange,
  findUserByEmail,
  findUserById,
  insertEmailChange,
  markEmailChangeUsed,
  updateUser,
  useEmailChangesOfUser,
  type UserRow,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { auditedChange, type RequestContext } from '../audit/audited-change.ts';
import {
  ConflictError,
  DomainValidationError,
  NotFoundError,
  RateLimitedError,
} from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import {
  emailChangeConfirmMail,
  emailChangeNoticeMail,
  passwordChangedMail,
} from '../mail/account-admin-mail-templates.ts';
import { siteLink } from '../mail/outgoing.ts';
import { requireUserId } from './account.commands.ts';
import {
  ACCOUNT_SETTINGS_LIMITS,
  changeEmailSchema,
  changePasswordSchema,
  linkTokenSchema,
  unsubscribeSchema,
  type ChangeEmailInput,
  type ChangePasswordInput,
  type UnsubscribeInput,
} from './account-settings.schema.ts';
import { mailSecretOf, verifyUnsubscribe } from './mail-secret.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { generateToken, hashToken } from './token.ts';
import { toLocale } from './user.present.ts';

/** The signed-in person's row; NotFoundError `user.not_found` when the account is gone. */
async function ownAccount(app: App, actor: Actor): Promise<UserRow> {
  const user = await findUserById(app.db, requireUserId(actor));
  if (!user) throw new NotFoundError('user.not_found');
  return user;
}

/** Refuses a wrong current password (DomainValidationError `password.current_wrong` on `currentPassword`). */
async function checkCurrentPassword(user: UserRow, password: string): Promise<void> {
  if (!(await verifyPassword(user.password_hash, password)))
    throw new DomainValidationError({ currentPassword: 'password.current_wrong' }, 'password.current_wrong');
}

const mailTo = (user: UserRow) => ({ to: user.email, name: user.name, locale: toLocale(user.locale) });

/**
 * Changes the signed-in person's password: the current one is required; every other session of the account is
 * signed out (this one, `sessionToken`, stays); a notice goes to the account's address. Audited
 * (`user.password_changed`).
 */
export async function changePassword(
  app: App,
  actor: Actor,
  input: ChangePasswordInput,
  context: RequestContext & { readonly sessionToken?: string } = {},
): Promise<void> {
  const data = parseInput(changePasswordSchema, input);
  const user = await ownAccount(app, actor);
  await checkCurrentPassword(user, data.currentPassword);
  const passwordHash = await hashPassword(data.newPassword);
  await auditedChange(app, user.id, context, async (change) => {
    await updateUser(change.trx, user.id, { password_hash: passwordHash, updated_at: change.at });
    if (context.sessionToken)
      await deleteOtherSessionsOfUser(change.trx, user.id, hashToken(context.sessionToken));
    else await deleteSessionsOfUser(change.trx, user.id);
    await change.audit({
      action: 'user.password_changed',
      subject: { type: 'user', id: user.id },
      personUserId: user.id,
    });
    change.mail(
      passwordChangedMail({ ...mailTo(user), resetLink: siteLink(app, toLocale(user.locale), '/reset') }),
    );
  });
}

/**
 * Asks to move the signed-in person's account to a new address (current password required): a single-use link,
 * valid ACCOUNT_SETTINGS_LIMITS.emailChangeHours, goes to the NEW address, a notice to the old one; nothing changes
 * until the link is opened (`confirmEmailChange`). A new request replaces earlier links. Throws DomainValidationError
 * `email_change.same` or `password.current_wrong`, ConflictError `email_change.taken` (on `email`), RateLimitedError
 * `email_change.rate_limited`.
 */
export async function requestEmailChange(
  app: App,
  actor: Actor,
  input: ChangeEmailInput,
  context: RequestContext = {},
): Promise<{ email: string }> {
  const data = parseInput(changeEmailSchema, input);
  const user = await ownAccount(app, actor);
  await checkCurrentPassword(user, data.currentPassword);
  if (data.email === user.email)
    throw new DomainValidationError({ email: 'email_change.same' }, 'email_change.same');
  if (await findUserByEmail(app.db, data.email))
    throw new ConflictError('email_change.taken', { email: 'email_change.taken' });
  const now = app.clock.now();
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  if ((await countEmailChangesSince(app.db, user.id, hourAgo)) >= ACCOUNT_SETTINGS_LIMITS.emailChangesPerHour)
    throw new RateLimitedError('email_change.rate_limited');
  await auditedChange(app, user.id, context, async (change) => {
    await useEmailChangesOfUser(change.trx, user.id, change.at);
    const token = generateToken();
    await insertEmailChange(change.trx, {
      id: hashToken(token),
      user_id: user.id,
      new_email: data.email,
      created_at: change.at,
      expires_at: new Date(
        now.getTime() + ACCOUNT_SETTINGS_LIMITS.emailChangeHours * 3_600_000,
      ).toISOString(),
      used_at: null,
    });
    await change.audit({
      action: 'user.email_change_requested',
      subject: { type: 'user', id: user.id },
      personUserId: user.id,
      summary: { before: { email: user.email }, after: { email: data.email } },
    });
    const locale = toLocale(user.locale);
    change.mail(
      emailChangeConfirmMail({
        to: data.email,
        name: user.name,
        locale,
        link: siteLink(app, locale, `/confirm-email-change/${token}`),
        hours: ACCOUNT_SETTINGS_LIMITS.emailChangeHours,
      }),
    );
    change.mail(emailChangeNoticeMail({ ...mailTo(user), newEmail: data.email }));
  });
  return { email: data.email };
}

/** What an email-change link would do, for the page that asks to confirm it (nothing changes yet). */
export async function checkEmailChange(app: App, input: { token: string }): Promise<{ newEmail: string }> {
  const { token } = parseInput(linkTokenSchema, input);
  const link = await findEmailChange(app.db, hashToken(token));
  if (!link || link.used_at !== null)
    throw new DomainValidationError({ token: 'email_change.invalid' }, 'email_change.invalid');
  if (new Date(link.expires_at) <= app.clock.now())
    throw new DomainValidationError({ token: 'email_change.expired' }, 'email_change.expired');
  return { newEmail: link.new_email };
}

/**
 * Confirms a new address from the mailed link: the account's email becomes the new one, the link is used up.
 * Throws DomainValidationError `email_change.invalid` (unknown or used link) or `email_change.expired`,
 * ConflictError `email_change.taken` when another account took the address meanwhile. Audited (`user.email_changed`).
 */
export async function confirmEmailChange(
  app: App,
  input: { token: string },
  context: RequestContext = {},
): Promise<{ email: string }> {
  const { token } = parseInput(linkTokenSchema, input);
  const id = hashToken(token);
  await checkEmailChange(app, { token });
  const link = (await findEmailChange(app.db, id))!;
  const user = await findUserById(app.db, link.user_id);
  if (!user) throw new DomainValidationError({ token: 'email_change.invalid' }, 'email_change.invalid');
  try {
    return await auditedChange(app, user.id, context, async (change) => {
      if (!(await markEmailChangeUsed(change.trx, id, change.at)))
        throw new DomainValidationError({ token: 'email_change.invalid' }, 'email_change.invalid');
      if (await findUserByEmail(change.trx, link.new_email)) throw new ConflictError('email_change.taken');
      await updateUser(change.trx, user.id, {
        email: link.new_email,
        // The link reached the new address: it is confirmed.
        email_confirmed_at: change.at,
        updated_at: change.at,
      });
      await change.audit({
        action: 'user.email_changed',
        subject: { type: 'user', id: user.id },
        personUserId: user.id,
        summary: { before: { email: user.email }, after: { email: link.new_email } },
      });
      return { email: link.new_email };
    });
  } catch (error) {
    if (
      /23505|UNIQUE|unique/.test(
        String((error as Error)?.message) + String((error as { code?: string })?.code),
      )
    )
      throw new ConflictError('email_change.taken');
    throw error;
  }
}

/** Turns the signed-in person's course reminders (week opening, assessment closing) on or off. Audited. */
export async function setReminders(
  app: App,
  actor: Actor,
  enabled: boolean,
  context: RequestContext = {},
): Promise<{ enabled: boolean }> {
  const user = await ownAccount(app, actor);
  return saveReminders(app, user, enabled, context);
}

async function saveReminders(
  app: App,
  user: UserRow,
  enabled: boolean,
  context: RequestContext,
): Promise<{ enabled: boolean }> {
  if ((user.reminders_enabled === 1) === enabled) return { enabled };
  return auditedChange(app, user.id, context, async (change) => {
    await updateUser(change.trx, user.id, { reminders_enabled: enabled ? 1 : 0, updated_at: change.at });
    await change.audit({
      action: 'user.reminders_changed',
      subject: { type: 'user', id: user.id },
      personUserId: user.id,
      summary: { before: { reminders: !enabled }, after: { reminders: enabled } },
    });
    return { enabled };
  });
}

/** Checks a one-click unsubscribe link; DomainValidationError `unsubscribe.invalid` unless it is genuine. */
async function unsubscribingUser(app: App, input: UnsubscribeInput): Promise<UserRow> {
  const data = parseInput(unsubscribeSchema, input);
  const user = await findUserById(app.db, data.user);
  const secret = user ? await mailSecretOf(app.db, user) : '';
  if (!user || !verifyUnsubscribe(secret, user.id, 'reminders', data.token))
    throw new DomainValidationError({ token: 'unsubscribe.invalid' }, 'unsubscribe.invalid');
  return user;
}

/** Whether the person of a genuine unsubscribe link still gets reminders (for the page the link opens). */
export async function checkUnsubscribe(
  app: App,
  input: UnsubscribeInput,
): Promise<{ remindersEnabled: boolean }> {
  const user = await unsubscribingUser(app, input);
  return { remindersEnabled: user.reminders_enabled === 1 };
}

/**
 * Turns reminders off (or back on) from a one-click link in a reminder, without signing in: the link carries the
 * person's id and a signature made with their own secret (see `signUnsubscribe`). Audited as the person's own change.
 */
export async function unsubscribeFromReminders(
  app: App,
  input: UnsubscribeInput & { readonly enabled?: boolean },
  context: RequestContext = {},
): Promise<{ enabled: boolean }> {
  const user = await unsubscribingUser(app, input);
  return saveReminders(app, user, input.enabled ?? false, context);
}
