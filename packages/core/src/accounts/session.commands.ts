import {
  deleteExpiredSessions,
  deleteRateLimitsBefore,
  deleteSession,
  deleteSignInDevicesBefore,
  findSessionWithUser,
  findUserByEmail,
  insertSession,
  touchSession,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { App } from '../app/app.ts';
import { RateLimitedError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { ANONYMOUS, type Actor } from '../access/actor.ts';
import { signInSchema, type SignInInput } from './account.schema.ts';
import { burnPasswordCheck, verifyPassword } from './password.ts';
import { reserveAttempts } from './rate-limit.ts';
import { sessionExpiry, shouldRefreshSession, signInBuckets } from './session.rules.ts';
import { DEVICE_DAYS, knownDeviceId, rememberDevice } from './sign-in-device.ts';
import { generateToken, hashToken } from './token.ts';
import { actorOf, presentUser, type UserDto } from './user.present.ts';
import { parseInput } from '../errors/parse-input.ts';

/** A new session: the token goes into the cookie, only its hash is stored. */
export interface SessionGrant {
  readonly user: UserDto;
  readonly sessionToken: string;
  readonly expiresAt: Date;
}

/** A sign-in: the session, and the token of the device cookie that marks this browser as the user's. */
export interface SignInGrant extends SessionGrant {
  readonly deviceToken: string;
}

/** Creates a session for a user. */
export async function startSession(
  app: App,
  db: Kysely<Database>,
  userId: string,
): Promise<{ sessionToken: string; expiresAt: Date }> {
  const now = app.clock.now();
  const sessionToken = generateToken();
  const expiresAt = sessionExpiry(now, app.config.sessionDays);
  await insertSession(db, {
    id: hashToken(sessionToken),
    user_id: userId,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    last_seen_at: now.toISOString(),
  });
  return { sessionToken, expiresAt };
}

/**
 * Signs in with email and password. Before the password is checked, the attempt takes a place in the rate-limit
 * buckets of `signInBuckets` (atomically, so parallel attempts cannot all pass): the device's own bucket when
 * `ctx.deviceToken` is a device cookie of this account, else the email+address, email and address buckets.
 * Throws RateLimitedError (`auth.rate_limited`) when a bucket is full, UnauthenticatedError
 * (`auth.invalid_credentials`) for a wrong email or password (the same error, and the same time, for both), and
 * `auth.deactivated` for the right password of a deactivated account (said only then, so it tells a guesser nothing).
 * Returns the session and the device token to keep in the browser.
 */
export async function signIn(
  app: App,
  input: SignInInput,
  ctx: { readonly ip: string; readonly deviceToken?: string },
): Promise<SignInGrant> {
  const { email, password } = parseInput(signInSchema, input);
  const now = app.clock.now();
  const user = await findUserByEmail(app.db, email);
  const deviceId = user ? await knownDeviceId(app, user.id, ctx.deviceToken) : undefined;
  const reservation = await reserveAttempts(app, signInBuckets(email, ctx.ip, deviceId));
  if (!reservation) {
    app.logger.warn('sign-in rate limited', { trustedDevice: deviceId !== undefined });
    throw new RateLimitedError();
  }
  const ok = user
    ? await verifyPassword(user.password_hash, password)
    : (await burnPasswordCheck(password), false);
  if (!user || !ok) {
    app.logger.info('sign-in failed', { reason: user ? 'password' : 'unknown-email' });
    throw new UnauthenticatedError('auth.invalid_credentials');
  }
  await reservation.succeeded();
  // Said only after the right password, so the answer tells nothing to someone guessing.
  if (user.deactivated_at !== null) throw new UnauthenticatedError('auth.deactivated');
  const session = await startSession(app, app.db, user.id);
  const deviceToken = await rememberDevice(
    app,
    user.id,
    deviceId && ctx.deviceToken ? { id: deviceId, token: ctx.deviceToken } : undefined,
  );
  await sweepExpired(app, now);
  return { user: presentUser(user), ...session, deviceToken };
}

/**
 * Housekeeping on each successful sign-in: drop expired sessions, rate-limit buckets older than a day and devices
 * unused for DEVICE_DAYS.
 */
async function sweepExpired(app: App, now: Date): Promise<void> {
  await deleteExpiredSessions(app.db, now.toISOString());
  await deleteRateLimitsBefore(app.db, new Date(now.getTime() - 86_400_000).toISOString());
  await deleteSignInDevicesBefore(app.db, new Date(now.getTime() - DEVICE_DAYS * 86_400_000).toISOString());
}

/** Ends a session; unknown tokens are ignored. */
export async function signOut(app: App, sessionToken: string | undefined): Promise<void> {
  if (sessionToken) await deleteSession(app.db, hashToken(sessionToken));
}

/**
 * Turns a session token into an actor. Expired or unknown tokens, and sessions of deactivated accounts, give the
 * anonymous actor (and such sessions are deleted). A session past half its lifetime is extended: `refreshed` tells the edge to
 * re-send the cookie with the new `expiresAt`.
 */
export async function resolveSession(
  app: App,
  sessionToken: string | undefined,
): Promise<{ actor: Actor; expiresAt?: Date; refreshed?: boolean }> {
  if (!sessionToken || sessionToken.length > 200) return { actor: ANONYMOUS };
  const id = hashToken(sessionToken);
  const found = await findSessionWithUser(app.db, id);
  if (!found) return { actor: ANONYMOUS };
  const now = app.clock.now();
  const expiresAt = new Date(found.session.expires_at);
  if (expiresAt <= now || found.user.deactivated_at !== null) {
    await deleteSession(app.db, id);
    return { actor: ANONYMOUS };
  }
  if (!shouldRefreshSession(expiresAt, now, app.config.sessionDays)) {
    return { actor: actorOf(found.user), expiresAt, refreshed: false };
  }
  const next = sessionExpiry(now, app.config.sessionDays);
  await touchSession(app.db, id, next.toISOString(), now.toISOString());
  return { actor: actorOf(found.user), expiresAt: next, refreshed: true };
}
