import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret for a person's unsubscribe links (32 random bytes, base64url). */
export function newUnsubscribeSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The signature of a person's unsubscribe link for one cohort: HMAC-SHA256 over the user and cohort ids with
 * their own secret, so a link works without signing in, cannot be made for someone else, and stops working
 * when the secret is replaced.
 */
export function signUnsubscribe(secret: string, userId: string, cohortId: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${userId}:${cohortId}`).digest('base64url');
}

/** True when `token` is the signature of this person's link for this cohort (compared in constant time). */
export function verifyUnsubscribe(secret: string, userId: string, cohortId: string, token: string): boolean {
  const expected = Buffer.from(signUnsubscribe(secret, userId, cohortId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
