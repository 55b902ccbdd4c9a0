import { findSignInDevice, insertSignInDevice, touchSignInDevice } from '@labmig/db';
import type { App } from '../app/app.ts';
import { generateToken, hashToken } from './token.ts';

/** Name of the device cookie: it marks a browser its user signed in from (see LOGIN_LIMIT). */
export const DEVICE_COOKIE = 'labmig_device';

/** A device cookie is kept this long after its last sign-in. */
export const DEVICE_DAYS = 365;

/** The id of the known device of `userId` that `deviceToken` names, if it does. */
export async function knownDeviceId(
  app: App,
  userId: string,
  deviceToken: string | undefined,
): Promise<string | undefined> {
  if (!deviceToken || deviceToken.length > 200) return undefined;
  return (await findSignInDevice(app.db, hashToken(deviceToken), userId))?.id;
}

/**
 * Remembers the browser a user just proved to be (signed in, or reset the password from): a known device keeps its
 * token; otherwise a new token is made. Returns the token for the device cookie.
 */
export async function rememberDevice(
  app: App,
  userId: string,
  known: { readonly id: string; readonly token: string } | undefined,
): Promise<string> {
  const now = app.clock.now().toISOString();
  if (known) {
    await touchSignInDevice(app.db, known.id, now);
    return known.token;
  }
  const token = generateToken();
  await insertSignInDevice(app.db, {
    id: hashToken(token),
    user_id: userId,
    created_at: now,
    last_used_at: now,
  });
  return token;
}
