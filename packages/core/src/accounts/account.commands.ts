import {
  findUserByEmail,
  findUserById,
  insertUser,
  newId,
  updateUser,
  type Database,
  type Kysely,
  type UserRow,
} from '@labmig/db';
import type { App } from '../app/app.ts';
import {
  ConflictError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
} from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { accountExistsMail } from '../mail/account-mail-templates.ts';
import type { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { profileSchema, signUpSchema, type ProfileInput, type SignUpInput } from './account.schema.ts';
import { mailConfirmationLink } from './confirmation-mail.ts';
import { hashPassword } from './password.ts';
import { reserveAttempts } from './rate-limit.ts';
import { presentUser, toLocale, type ProfileDto, type UserDto } from './user.present.ts';

type SignUpData = z.output<typeof signUpSchema>;

/** Lets the database's unique index settle races between two sign-ups with the same email. */
function isUniqueViolation(error: unknown): boolean {
  const text =
    String((error as { code?: string; message?: string })?.code ?? '') +
    String((error as Error)?.message ?? '');
  return /23505|UNIQUE|unique/.test(text);
}

/**
 * Inserts a validated account inside `trx`; the unique index settles races on the email. `confirmedAt` is when the
 * address counts as confirmed: now for accounts made by staff (CLI, demo), null for sign-ups until the link is opened.
 */
async function insertAccount(
  trx: Kysely<Database>,
  data: SignUpData,
  passwordHash: string,
  isAdmin: boolean,
  now: string,
  confirmedAt: string | null,
): Promise<UserRow> {
  return insertUser(trx, {
    id: newId(),
    email: data.email,
    name: data.name,
    password_hash: passwordHash,
    is_admin: isAdmin ? 1 : 0,
    locale: data.locale,
    country: data.country,
    organisation_type: data.organisationType,
    job_title: data.jobTitle,
    email_confirmed_at: confirmedAt,
    created_at: now,
    updated_at: now,
  });
}

/** The owner of a taken address gets at most this many "you already have an account" mails an hour. */
const EXISTING_ACCOUNT_MAILS_PER_HOUR = 3;

/**
 * Signs up: validates, then (within SIGNUP_LIMIT_PER_HOUR sign-ups from the client address, else RateLimitedError
 * `auth.signup_rate_limited`) creates an unconfirmed account and mails the link that confirms its address (with
 * `ctx.next`, the page to come back to). Nobody is signed in. An address that has an account already gets the same
 * answer, after the same work (the password is hashed either way), and its owner a mail saying so with the ways in:
 * the page never tells whether an address has an account. Throws DomainValidationError for bad fields.
 */
export async function signUp(
  app: App,
  input: SignUpInput,
  ctx: { readonly ip: string; readonly next?: string },
): Promise<{ email: string }> {
  const data = parseInput(signUpSchema, input);
  const perAddress = {
    limit: app.config.signUpLimitPerHour,
    windowMinutes: 60,
    onSuccess: 'release',
  } as const;
  if (!(await reserveAttempts(app, [{ key: `signup:address:${ctx.ip}`, ...perAddress }])))
    throw new RateLimitedError('auth.signup_rate_limited');
  const passwordHash = await hashPassword(data.password);
  const now = app.clock.now().toISOString();
  let owner = await findUserByEmail(app.db, data.email);
  if (!owner) {
    try {
      const user = await insertAccount(app.db, data, passwordHash, false, now, null);
      await mailConfirmationLink(app, user, ctx.next);
      return { email: data.email };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      owner = await findUserByEmail(app.db, data.email); // a parallel sign-up took the address first
    }
  }
  if (owner) await mailExistingAccount(app, owner);
  return { email: data.email };
}

/** Tells the owner of a taken address that someone tried to sign up with it (at most 3 mails an hour). */
async function mailExistingAccount(app: App, owner: UserRow): Promise<void> {
  const bucket = {
    key: `signup:existing:${owner.id}`,
    limit: EXISTING_ACCOUNT_MAILS_PER_HOUR,
    windowMinutes: 60,
  };
  if (!(await reserveAttempts(app, [{ ...bucket, onSuccess: 'release' }]))) return;
  const locale = toLocale(owner.locale);
  const base = `${app.config.origin}${locale === 'fr' ? '/fr' : ''}`;
  await app.mailer.send(
    accountExistsMail({
      to: owner.email,
      name: owner.name,
      signInLink: `${base}/signin`,
      resetLink: `${base}/reset`,
      locale,
    }),
  );
}

/**
 * Creates an account without signing it in (CLI, demo), its address confirmed (staff vouch for it); `isAdmin` makes a
 * site admin. Throws DomainValidationError for bad fields and ConflictError `auth.email_taken` (with `fields.email`),
 * also when a parallel sign-up took the address first (the unique index settles the race).
 */
export async function createUser(
  app: App,
  input: SignUpInput,
  options: { isAdmin?: boolean } = {},
): Promise<UserDto> {
  const data = parseInput(signUpSchema, input);
  const taken = () => new ConflictError('auth.email_taken', { email: 'auth.email_taken' });
  if (await findUserByEmail(app.db, data.email)) throw taken();
  const passwordHash = await hashPassword(data.password);
  const now = app.clock.now().toISOString();
  try {
    return presentUser(await insertAccount(app.db, data, passwordHash, options.isAdmin ?? false, now, now));
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/** The signed-in user's id, or UnauthenticatedError. */
export function requireUserId(actor: Actor): string {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  return actor.userId;
}

/** The actor's profile. */
export async function getProfile(app: App, actor: Actor): Promise<ProfileDto> {
  const user = await findUserById(app.db, requireUserId(actor));
  if (!user) throw new NotFoundError('user.not_found');
  return presentUser(user);
}

/** Updates name, country, organisation type, job title and language of the actor. */
export async function updateProfile(app: App, actor: Actor, input: ProfileInput): Promise<ProfileDto> {
  const userId = requireUserId(actor);
  const data = parseInput(profileSchema, input);
  const user = await updateUser(app.db, userId, {
    name: data.name,
    country: data.country,
    organisation_type: data.organisationType,
    job_title: data.jobTitle,
    locale: data.locale,
    updated_at: app.clock.now().toISOString(),
  });
  if (!user) throw new NotFoundError('user.not_found');
  return presentUser(user);
}
