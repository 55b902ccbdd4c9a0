import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { findUserById, type Database, type Kysely, type UserRow } from '@labmig/db';

/** What an unsubscribe link turns off. */
export type UnsubscribePurpose = 'reminders';

/**
 * Signs "turn off `purpose` for `userId`" with the person's own secret (HMAC-SHA256, base64url): the link works
 * without signing in, cannot be made for someone else, and stops working when the secret is replaced.
 * @example signUnsubscribe('s3cret', 'user-1', 'reminders').length // 43
 */
export function signUnsubscribe(secret: string, userId: string, purpose: UnsubscribePurpose): string {
  return createHmac('sha256', secret).update(`unsubscribe:${purpose}:${userId}`).digest('base64url');
}

/** True when `token` is the signature of (`userId`, `purpose`) with `secret` (compared in constant time). */
export function verifyUnsubscribe(
  secret: string,
  userId: string,
  purpose: UnsubscribePurpose,
  token: string,
): boolean {
  const expected = Buffer.from(signUnsubscribe(secret, userId, purpose));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The person's mail secret, made on first use. Two processes making one at once both read back the one that was
 * stored first (the update only fills an empty secret).
 */
export async function mailSecretOf(
  db: Kysely<Database>,
  user: Pick<UserRow, 'id' | 'mail_secret'>,
): Promise<string> {
  if (user.mail_secret) return user.mail_secret;
  await db
    .updateTable('users')
    .set({ mail_secret: randomBytes(32).toString('base64url') })
    .where('id', '=', user.id)
    .where('mail_secret', 'is', null)
    .execute();
  const stored = (await findUserById(db, user.id))?.mail_secret;
  if (!stored) throw new Error(`no mail secret for user ${user.id}`);
  return stored;
}
