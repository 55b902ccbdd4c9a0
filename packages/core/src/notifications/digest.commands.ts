import {
  claimDigest,
  findUserById,
  listDigestItems,
  listDigestRecipients,
  markNotificationsMailed,
  markNotificationsUnmailed,
} from '@labmig/db';
import { toLocale } from '../accounts/user.present.ts';
import type { App } from '../app/app.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import { deliverMail } from './mail-delivery.ts';
import { digestMail, unsubscribeHeaders, type MailItem } from './notification-mail.ts';
import { ensurePreference, mailLinks, mailOrigin, notificationPath } from './notification.commands.ts';
import { notificationDataSchema } from './notification.schema.ts';

/** What one digest run did. */
export interface DigestRunResult {
  /** People who were sent a digest. */
  readonly sent: number;
  /** People skipped because they already had their digest of that day (another process, or a retry). */
  readonly alreadySent: number;
}

/**
 * Sends the digest of `day` to everyone with notifications waiting for one (in cohorts of `timeZones`, or all when
 * null): one mail per person with every waiting item, by cohort and discussion, in their language, with a one-click
 * unsubscribe link. Each person's digest is claimed in its own transaction by inserting (person, day) — a primary
 * key — so however many processes run this at once, or a retry after a crash, nobody gets two digests a day.
 * Items of a cohort whose mail the person turned off since are dropped from mail.
 */
export async function sendDigests(
  app: App,
  input: { readonly day: string; readonly timeZones: readonly string[] | null },
): Promise<DigestRunResult> {
  let sent = 0;
  let alreadySent = 0;
  for (const userId of await listDigestRecipients(app.db, input.timeZones)) {
    const user = await findUserById(app.db, userId);
    if (!user) continue;
    const done = await app.db.transaction().execute(async (trx) => {
      const items = await listDigestItems(trx, userId);
      const off = items.filter((i) => i.email_mode === 'off');
      if (off.length > 0)
        await markNotificationsUnmailed(
          trx,
          off.map((i) => i.id),
        );
      const mailed = items.filter((i) => i.email_mode !== 'off');
      if (mailed.length === 0) return 'empty';
      const at = app.clock.now().toISOString();
      if (!(await claimDigest(trx, userId, input.day, at, mailed.length))) return 'already';
      const locale = toLocale(user.locale);
      const origin = `${mailOrigin(app)}${locale === 'fr' ? '/fr' : ''}`;
      const mailItems: MailItem[] = mailed.map((i) => {
        const data = parseStoredJson(notificationDataSchema, i.data, `notification ${i.id}`);
        return {
          cohortTitle: i.cohort_title,
          data,
          kind: i.kind,
          link: `${origin}${notificationPath(i.cohort_id, i.kind, data)}`,
        };
      });
      const cohorts = [...new Set(mailed.map((i) => i.cohort_id))];
      const pref = await ensurePreference(trx, userId, cohorts[0]!, at);
      const links = mailLinks(app, pref, locale, cohorts.length > 1 ? 'all' : 'cohort');
      const message = digestMail({ to: user.email, name: user.name, locale, items: mailItems, links });
      await markNotificationsMailed(
        trx,
        mailed.map((i) => i.id),
        at,
      );
      await deliverMail(app, trx, { ...message, headers: unsubscribeHeaders(links) });
      return 'sent';
    });
    if (done === 'sent') sent++;
    if (done === 'already') alreadySent++;
  }
  return { sent, alreadySent };
}
