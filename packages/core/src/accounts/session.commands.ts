import {
  countRecentFailures,
  deleteExpiredSessions,
  deleteLoginAttemptsBefore,
  deleteSession,
  findSessionWithUser,
  findUserByEmail,
  insertLoginAttempt,
  insertSession,
  newId,
  touchSession,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { App } from '../app/app.ts';
import { RateLimitedError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { ANONYMOUS, type Actor } from '../access/actor.ts';
import { signInSchema, type SignInInput } from './account.schema.ts';
import { burnPasswordCheck, verifyPassword } from './password.ts';
import {
  ipAttemptKey,
  isLoginBlocked,
  LOGIN_LIMIT,
  loginAttemptKey,
  sessionExpiry,
  shouldRefreshSession,
} from './session.rules.ts';
import { generateToken, hashToken } from './token.ts';
import { actorOf, presentUser, type UserDto } from './user.present.ts';
import { parseInput } from '../errors/parse-input.ts';

/** A new session: the token goes into the cookie, only its hash is stored. */
export interface SessionGrant {
  readonly user: UserDto;
  readonly sessionToken: string;
  readonly expiresAt: Date;
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
 * Signs in with email and password. Throws RateLimitedError (`auth.rate_limited`) after too many recent
 * failures for this email and IP, or from this IP overall (LOGIN_LIMIT), UnauthenticatedError (`auth.invalid_credentials`) for a wrong email or
 * password (the same error for both), and `auth.deactivated` for the right password of a deactivated account.
 */
export async function signIn(app: App, input: SignInInput, ctx: { ip: string }): Promise<SessionGrant> {
  const { email, password } = parseInput(signInSchema, input);
  const now = app.clock.now();
  const key = loginAttemptKey(email, ctx.ip);
  const ipKey = ipAttemptKey(ctx.ip);
  const since = new Date(now.getTime() - LOGIN_LIMIT.windowMinutes * 60_000).toISOString();
  const [forEmail, forIp] = [
    await countRecentFailures(app.db, key, since),
    await countRecentFailures(app.db, ipKey, since),
  ];
  if (isLoginBlocked(forEmail, forIp)) throw new RateLimitedError();
  const user = await findUserByEmail(app.db, email);
  const ok = user
    ? await verifyPassword(user.password_hash, password)
    : (await burnPasswordCheck(password), false);
  await insertLoginAttempt(app.db, {
    id: newId(),
    key,
    succeeded: ok ? 1 : 0,
    created_at: now.toISOString(),
  });
  if (!user || !ok) {
    await insertLoginAttempt(app.db, {
      id: newId(),
      key: ipKey,
      succeeded: 0,
      created_at: now.toISOString(),
    });
    app.logger.info('sign-in failed', { reason: user ? 'password' : 'unknown-email' });
    throw new UnauthenticatedError('auth.invalid_credentials');
  }
  // Said only after the right password, so the answer tells nothing to someone guessing.
  if (user.deactivated_at !== null) throw new UnauthenticatedError('auth.deactivated');
  const session = await startSession(app, app.db, user.id);
  await sweepExpired(app, now);
  return { user: presentUser(user), ...session };
}

/** Housekeeping on each successful sign-in: drop expired sessions and login attempts older than a day. */
async function sweepExpired(app: App, now: Date): Promise<void> {
  await deleteExpiredSessions(app.db, now.toISOString());
  await deleteLoginAttemptsBefore(app.db, new Date(now.getTime() - 86_400_000).toISOString());
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
