import {
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  lockActiveAdminIds,
  updateUser,
  type UserRow,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { SITE } from '../access/membership.ts';
import { issuePasswordLink, passwordLinkUrl } from '../accounts/password-link.ts';
import { toLocale } from '../accounts/user.present.ts';
import type { App } from '../app/app.ts';
import { auditedChange, type Change, type RequestContext } from '../audit/audited-change.ts';
import { ConflictError, DomainValidationError, NotFoundError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import {
  accountDeactivatedMail,
  accountInvitationMail,
  accountReactivatedMail,
  passwordLinkMail,
  siteAdminChangedMail,
} from '../mail/account-admin-mail-templates.ts';
import { siteLink } from '../mail/outgoing.ts';
import {
  COURSE_ADMIN_LIMITS,
  createPersonSchema,
  siteAdminSchema,
  type CreatePersonInput,
  type SiteAdminInput,
} from './course-admin.schema.ts';
import { createInvitedAccount } from './invited-account.ts';

/** Loads the account a change is about, inside the change; NotFoundError `user.not_found`. */
async function loadPerson(change: Change, userId: string): Promise<UserRow> {
  const user = await findUserById(change.trx, userId);
  if (!user) throw new NotFoundError('user.not_found');
  return user;
}

const mailTo = (user: UserRow) => ({ to: user.email, name: user.name, locale: toLocale(user.locale) });

/**
 * Creates an account (site admins: `people.manage`) with no password: the person is mailed a single-use link to
 * choose one (valid COURSE_ADMIN_LIMITS.passwordLinkHours); no password ever travels by mail. The address counts as
 * confirmed (the course team vouches for it). Audited (`user.created`). Throws ConflictError `auth.email_taken` (on
 * `email`), DomainValidationError.
 */
export async function createPerson(
  app: App,
  actor: Actor,
  input: CreatePersonInput,
  context: RequestContext = {},
): Promise<{ id: string }> {
  assertCan(actor, 'people.manage', SITE, { forbidden: 'admin.only' });
  const data = parseInput(createPersonSchema, input);
  const taken = () => new ConflictError('auth.email_taken', { email: 'auth.email_taken' });
  if (await findUserByEmail(app.db, data.email)) throw taken();
  try {
    return await auditedChange(app, actor.userId, context, async (change) => {
      const { user, link } = await createInvitedAccount(
        app,
        change,
        {
          email: data.email,
          name: data.name,
          locale: data.locale,
          country: data.country,
          organisationType: data.organisationType,
          jobTitle: data.jobTitle,
        },
        'user.created',
      );
      change.mail(
        accountInvitationMail({
          ...mailTo(user),
          link,
          hours: COURSE_ADMIN_LIMITS.passwordLinkHours,
        }),
      );
      return { id: user.id };
    });
  } catch (error) {
    // Two admins creating the same address at once: the unique index decides.
    if (
      /23505|UNIQUE|unique/.test(
        String((error as Error)?.message) + String((error as { code?: string })?.code),
      )
    )
      throw taken();
    throw error;
  }
}

/**
 * Mails a person a single-use link to choose a new password (site admins: `people.manage`); their current password
 * keeps working until they do. Audited (`user.password_link_sent`). ConflictError `people.deactivated` for a
 * deactivated account.
 */
export async function sendPasswordLink(
  app: App,
  actor: Actor,
  userId: string,
  context: RequestContext = {},
): Promise<void> {
  assertCan(actor, 'people.manage', SITE, { forbidden: 'admin.only' });
  await auditedChange(app, actor.userId, context, async (change) => {
    const user = await loadPerson(change, userId);
    if (user.deactivated_at !== null) throw new ConflictError('people.deactivated');
    const token = await issuePasswordLink(
      change.trx,
      user.id,
      change.at,
      COURSE_ADMIN_LIMITS.passwordLinkHours,
    );
    await change.audit({
      action: 'user.password_link_sent',
      subject: { type: 'user', id: user.id },
      personUserId: user.id,
    });
    change.mail(
      passwordLinkMail({
        ...mailTo(user),
        link: passwordLinkUrl(app, toLocale(user.locale), token),
        hours: COURSE_ADMIN_LIMITS.passwordLinkHours,
      }),
    );
  });
}

/**
 * Deactivates an account (it is signed out everywhere at once and cannot sign in; the sign-in page tells the person
 * whom to write to) or reactivates it (site admins: `people.manage`). Never one's own account
 * (`people.self_deactivate`), never the last active site admin (`people.last_admin`). Audited and mailed.
 * ConflictError `people.unchanged` when the account is already so.
 */
export async function setAccountActive(
  app: App,
  actor: Actor,
  userId: string,
  active: boolean,
  context: RequestContext = {},
): Promise<void> {
  assertCan(actor, 'people.manage', SITE, { forbidden: 'admin.only' });
  await auditedChange(app, actor.userId, context, async (change) => {
    if (!active && userId === actor.userId) throw new ConflictError('people.self_deactivate');
    const admins = active ? [] : await lockActiveAdminIds(change.trx);
    const user = await loadPerson(change, userId);
    if ((user.deactivated_at === null) === active) throw new ConflictError('people.unchanged');
    if (!active && admins.length === 1 && admins[0] === user.id) throw new ConflictError('people.last_admin');
    await updateUser(change.trx, user.id, {
      deactivated_at: active ? null : change.at,
      updated_at: change.at,
    });
    if (!active) await deleteSessionsOfUser(change.trx, user.id);
    await change.audit({
      action: active ? 'user.reactivated' : 'user.deactivated',
      subject: { type: 'user', id: user.id },
      personUserId: user.id,
      summary: { before: { active: !active }, after: { active } },
    });
    change.mail(
      active
        ? accountReactivatedMail({ ...mailTo(user), link: siteLink(app, toLocale(user.locale), '/signin') })
        : accountDeactivatedMail({ ...mailTo(user), contact: app.config.supportEmail }),
    );
  });
}

/**
 * Grants or removes the site-admin role (site admins: `people.set-admin`). The last active admin keeps the role
 * (`people.last_admin`; two admins removing each other at once cannot both succeed: the admins' rows are locked);
 * removing one's own role needs `confirm` (DomainValidationError `people.confirm_self` on `confirm`); deactivated
 * accounts are not made admins (`people.deactivated`). Audited and mailed.
 */
export async function setSiteAdmin(
  app: App,
  actor: Actor,
  userId: string,
  input: SiteAdminInput | { readonly admin: string; readonly confirm?: string },
  context: RequestContext = {},
): Promise<{ isAdmin: boolean }> {
  assertCan(actor, 'people.set-admin', SITE, { forbidden: 'admin.only' });
  const data = parseInput(siteAdminSchema, input);
  const grant = data.admin === 'grant';
  if (!grant && userId === actor.userId && !data.confirm)
    throw new DomainValidationError({ confirm: 'people.confirm_self' }, 'people.confirm_self');
  return auditedChange(app, actor.userId, context, async (change) => {
    const admins = await lockActiveAdminIds(change.trx);
    const user = await loadPerson(change, userId);
    if ((user.is_admin === 1) === grant) throw new ConflictError('people.unchanged');
    if (grant && user.deactivated_at !== null) throw new ConflictError('people.deactivated');
    if (!grant && admins.length <= 1 && admins.includes(user.id))
      throw new ConflictError('people.last_admin');
    await updateUser(change.trx, user.id, { is_admin: grant ? 1 : 0, updated_at: change.at });
    await change.audit({
      action: grant ? 'user.admin_granted' : 'user.admin_removed',
      subject: { type: 'user', id: user.id },
      personUserId: user.id,
      summary: { before: { admin: !grant }, after: { admin: grant } },
    });
    change.mail(siteAdminChangedMail({ ...mailTo(user), granted: grant }));
    return { isAdmin: grant };
  });
}
