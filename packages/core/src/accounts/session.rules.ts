const DAY_MS = 24 * 60 * 60 * 1000;

/** The expiry of a session created or refreshed at `now`. */
export function sessionExpiry(now: Date, sessionDays: number): Date {
  return new Date(now.getTime() + sessionDays * DAY_MS);
}

/**
 * Sliding expiry: refresh a session once less than half of its lifetime is left, so an active user
 * stays signed in without a write on every request.
 */
export function shouldRefreshSession(expiresAt: Date, now: Date, sessionDays: number): boolean {
  return expiresAt.getTime() - now.getTime() < (sessionDays * DAY_MS) / 2;
}

/**
 * Sign-in limits within `windowMinutes`: at most `maxFailures` failures per email and IP (a success clears
 * them), and at most `maxFailuresPerIp` failures from one IP over all emails (against password spraying).
 */
export const LOGIN_LIMIT = { maxFailures: 5, maxFailuresPerIp: 50, windowMinutes: 15 } as const;

/** At most this many reset links are mailed per account and hour. */
export const RESET_MAX_PER_HOUR = 3;

/** Password-reset links live this long. */
export const RESET_TTL_MINUTES = 60;

/** True when another sign-in attempt must be refused, given recent failures for the email+IP and the IP. */
export function isLoginBlocked(failuresForEmail: number, failuresForIp = 0): boolean {
  return failuresForEmail >= LOGIN_LIMIT.maxFailures || failuresForIp >= LOGIN_LIMIT.maxFailuresPerIp;
}

/** The rate-limit key of all attempts from one IP (failures only are recorded under it). */
export function ipAttemptKey(ip: string): string {
  return `ip|${ip}`;
}

/** The rate-limit key of an attempt: email and client IP. */
export function loginAttemptKey(email: string, ip: string): string {
  return `${email}|${ip}`;
}

/** Name of the session cookie. */
export const SESSION_COOKIE = 'labmig_session';
