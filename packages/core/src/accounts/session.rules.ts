import type { RateBucket } from './rate-limit.ts';

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
 * Sign-in limits, each per `windowMinutes`. From a browser the account has signed in from before (its device cookie),
 * only `perDevice` failures count: others' failures never lock its owner out, wherever they come from. Otherwise
 * three buckets hold: `perPair` failures for one account from one address (a success clears them), `perAccount` over
 * all addresses (one attacker with many addresses) and `perAddress` over all accounts (password spraying; loose, so
 * that an office behind one address is not locked out by one person).
 */
export const LOGIN_LIMIT = {
  perPair: 5,
  perAccount: 20,
  perAddress: 50,
  perDevice: 5,
  windowMinutes: 15,
} as const;

/** At most this many reset links are mailed per account and hour. */
export const RESET_MAX_PER_HOUR = 3;

/** Password-reset links live this long. */
export const RESET_TTL_MINUTES = 60;

/**
 * The rate-limit buckets a sign-in attempt must get a place in before its password is checked: the device's own
 * bucket when it comes from a known device of the account (`deviceId`), else the pair, account and address buckets.
 * @example signInBuckets('a@x.org', '1.2.3.4').map((b) => b.key) // ['signin:pair:a@x.org|1.2.3.4', 'signin:account:a@x.org', 'signin:address:1.2.3.4']
 */
export function signInBuckets(email: string, ip: string, deviceId?: string): RateBucket[] {
  const bucket = (key: string, limit: number, onSuccess: RateBucket['onSuccess']): RateBucket => ({
    key,
    limit,
    windowMinutes: LOGIN_LIMIT.windowMinutes,
    onSuccess,
  });
  if (deviceId) return [bucket(`signin:device:${deviceId}`, LOGIN_LIMIT.perDevice, 'clear')];
  return [
    bucket(`signin:pair:${email}|${ip}`, LOGIN_LIMIT.perPair, 'clear'),
    bucket(`signin:account:${email}`, LOGIN_LIMIT.perAccount, 'release'),
    bucket(`signin:address:${ip}`, LOGIN_LIMIT.perAddress, 'release'),
  ];
}

/** Name of the session cookie. */
export const SESSION_COOKIE = 'labmig_session';
