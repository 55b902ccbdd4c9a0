import { insertEmailConfirmation, type UserRow } from '@labmig/db';
import type { App } from '../app/app.ts';
import { confirmEmailMail } from '../mail/account-mail-templates.ts';
import { safeNextPath } from '../shared/safe-next-path.ts';
import { generateToken, hashToken } from './token.ts';
import { toLocale } from './user.present.ts';

/** Confirmation links live this long. */
export const CONFIRM_TTL_HOURS = 48;

/** A learner may ask for at most this many new links an hour. */
export const CONFIRM_RESENDS_PER_HOUR = 3;

/**
 * Mails `user` a link that confirms their address: `{ORIGIN}/confirm-email/{token}` (`/fr/…` in French), with
 * `?next=` when `next` is a path of this site (the page to come back to). Only the token's hash is stored.
 */
export async function mailConfirmationLink(app: App, user: UserRow, next?: string): Promise<void> {
  const token = generateToken();
  const now = app.clock.now();
  await insertEmailConfirmation(app.db, {
    id: hashToken(token),
    user_id: user.id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + CONFIRM_TTL_HOURS * 3_600_000).toISOString(),
    used_at: null,
  });
  const locale = toLocale(user.locale);
  const back = next ? safeNextPath(next, '') : '';
  const link =
    `${app.config.origin}${locale === 'fr' ? '/fr' : ''}/confirm-email/${token}` +
    (back ? `?next=${encodeURIComponent(back)}` : '');
  await app.mailer.send(
    confirmEmailMail({ to: user.email, name: user.name, link, locale, hours: CONFIRM_TTL_HOURS }),
  );
}
