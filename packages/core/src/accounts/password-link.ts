import { insertPasswordReset, type Database, type Kysely } from '@labmig/db';
import type { Locale } from '../errors/error-messages.ts';
import { siteLink } from '../mail/outgoing.ts';
import { generateToken, hashToken } from './token.ts';

/** The hash stored for accounts made by the course team until their person chooses a password: matches none. */
export const NO_PASSWORD = '!no-password';

/**
 * Stores a single-use link to choose a password, valid `hours` from `at` (the same links as "Forgot your
 * password?", so the same page uses them up). Returns the secret token for the mail; only its hash is stored.
 */
export async function issuePasswordLink(
  trx: Kysely<Database>,
  userId: string,
  at: string,
  hours: number,
): Promise<string> {
  const token = generateToken();
  await insertPasswordReset(trx, {
    id: hashToken(token),
    user_id: userId,
    created_at: at,
    expires_at: new Date(Date.parse(at) + hours * 3_600_000).toISOString(),
    used_at: null,
  });
  return token;
}

/** The page a password link opens, in the person's language. */
export function passwordLinkUrl(
  app: { readonly config: { readonly origin?: string; readonly host: string; readonly port: number } },
  locale: Locale,
  token: string,
): string {
  return siteLink(app, locale, `/reset-password/${token}`);
}
