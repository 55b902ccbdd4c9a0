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
import { ConflictError, NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import type { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { profileSchema, signUpSchema, type ProfileInput, type SignUpInput } from './account.schema.ts';
import { enqueueMail } from '../jobs/mail-send.job.ts';
import { welcomeMail } from '../mail/account-admin-mail-templates.ts';
import { siteLink } from '../mail/outgoing.ts';
import { hashPassword } from './password.ts';
import { startSession, type SessionGrant } from './session.commands.ts';
import { presentUser, toLocale, type ProfileDto, type UserDto } from './user.present.ts';

type SignUpData = z.output<typeof signUpSchema>;

/** Lets the database's unique index settle races between two sign-ups with the same email. */
function isUniqueViolation(error: unknown): boolean {
  const text =
    String((error as { code?: string; message?: string })?.code ?? '') +
    String((error as Error)?.message ?? '');
  return /23505|UNIQUE|unique/.test(text);
}

/** Inserts a validated account inside `trx`; the unique index settles races on the email. */
async function insertAccount(
  trx: Kysely<Database>,
  data: SignUpData,
  passwordHash: string,
  isAdmin: boolean,
  now: string,
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
    created_at: now,
    updated_at: now,
  });
}

/**
 * Validates, checks the email is free and hashes the password; then runs `persist` and maps a unique-index
 * race to the same ConflictError `auth.email_taken` (with `fields.email`).
 */
async function withNewAccount<T>(
  app: App,
  input: SignUpInput,
  persist: (data: SignUpData, passwordHash: string) => Promise<T>,
): Promise<T> {
  const data = parseInput(signUpSchema, input);
  if (await findUserByEmail(app.db, data.email))
    throw new ConflictError('auth.email_taken', { email: 'auth.email_taken' });
  const passwordHash = await hashPassword(data.password);
  try {
    return await persist(data, passwordHash);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('auth.email_taken', { email: 'auth.email_taken' });
    throw error;
  }
}

/**
 * Creates an account, signs it in and queues the welcome mail (in the person's language). Throws DomainValidationError for bad fields and
 * ConflictError `auth.email_taken` (with `fields.email`) when the email is in use.
 */
export async function signUp(app: App, input: SignUpInput, _ctx: { ip: string }): Promise<SessionGrant> {
  return withNewAccount(app, input, (data, passwordHash) =>
    app.db.transaction().execute(async (trx) => {
      const user = await insertAccount(trx, data, passwordHash, false, app.clock.now().toISOString());
      // The welcome mail is queued with the account: no account, no mail.
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
      return { user: presentUser(user), ...(await startSession(app, trx, user.id)) };
    }),
  );
}

/** Creates an account without signing it in (CLI, demo); `isAdmin` makes a site admin. Same errors as signUp. */
export async function createUser(
  app: App,
  input: SignUpInput,
  options: { isAdmin?: boolean } = {},
): Promise<UserDto> {
  return withNewAccount(app, input, async (data, passwordHash) =>
    presentUser(
      await insertAccount(
        app.db,
        data,
        passwordHash,
        options.isAdmin ?? false,
        app.clock.now().toISOString(),
      ),
    ),
  );
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
