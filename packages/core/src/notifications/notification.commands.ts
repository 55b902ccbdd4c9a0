import {
  findNotificationPreference,
  insertNotificationPreferenceIfMissing,
  insertNotifications,
  listEmailModes,
  listEnrolmentsOfUser,
  listNotificationPreferencesOfUser,
  listRecipients,
  markNotificationsRead,
  newId,
  updateEmailMode,
  type Database,
  type EmailMode,
  type Kysely,
  type NotificationKind,
  type NotificationPreferenceRow,
  type Transaction,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { loadCohortAccess } from '../access/membership.ts';
import { toLocale } from '../accounts/user.present.ts';
import type { App } from '../app/app.ts';
import { NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { deliverMail } from './mail-delivery.ts';
import {
  postMail,
  removalMail,
  unsubscribeHeaders,
  type MailItem,
  type MailLinks,
} from './notification-mail.ts';
import {
  DEFAULT_EMAIL_MODE,
  emailModeSchema,
  type EmailModeInput,
  type NotificationData,
} from './notification.schema.ts';
import { newUnsubscribeSecret, signUnsubscribe, verifyUnsubscribe } from './unsubscribe-token.ts';

/** One notification to add: to whom, about what. */
export interface NewNotification {
  readonly userId: string;
  readonly kind: NotificationKind;
  /** The post it is about (unique per person and kind). */
  readonly sourceId: string;
  readonly data: NotificationData;
}

/** The site's public address for links in mail. */
export function mailOrigin(app: Pick<App, 'config'>): string {
  const { origin, host, port } = app.config;
  return (origin ?? `http://${host}:${port}`).replace(/\/$/, '');
}

/** The link to a notification's post (or its discussion, when the post was removed). */
export function notificationPath(cohortId: string, kind: NotificationKind, data: NotificationData): string {
  const thread = `/cohorts/${cohortId}/threads/${data.threadId}`;
  return kind === 'forum.post_removed' ? thread : `${thread}#post-${data.postNumber}`;
}

/** A person's preference row in a cohort, created (default mail choice, new secret) the first time it is needed. */
export async function ensurePreference(
  db: Kysely<Database>,
  userId: string,
  cohortId: string,
  at: string,
): Promise<NotificationPreferenceRow> {
  const found = await findNotificationPreference(db, userId, cohortId);
  if (found) return found;
  await insertNotificationPreferenceIfMissing(db, {
    user_id: userId,
    cohort_id: cohortId,
    email_mode: DEFAULT_EMAIL_MODE,
    unsubscribe_secret: newUnsubscribeSecret(),
    updated_at: at,
  });
  return (await findNotificationPreference(db, userId, cohortId))!;
}

/** The settings and one-click unsubscribe links of a person's mail about one cohort (`*`: all their cohorts). */
export function mailLinks(
  app: Pick<App, 'config'>,
  pref: Pick<NotificationPreferenceRow, 'user_id' | 'cohort_id' | 'unsubscribe_secret'>,
  locale: string,
  scope: 'cohort' | 'all' = 'cohort',
): MailLinks {
  const origin = mailOrigin(app);
  const cohort = scope === 'all' ? '*' : pref.cohort_id;
  const token = signUnsubscribe(pref.unsubscribe_secret, pref.user_id, cohort);
  const query = new URLSearchParams({ u: pref.user_id, c: cohort, t: token });
  return {
    settings: `${origin}${locale === 'fr' ? '/fr' : ''}/notifications`,
    unsubscribe: `${origin}${locale === 'fr' ? '/fr' : ''}/notifications/unsubscribe?${query}`,
  };
}

/**
 * Adds notifications inside the caller's transaction and sends the mail of each one according to its person's
 * choice in the cohort: at once ("each post"; a removal notice always), in the next digest (the default), or not
 * at all. `fullText` is the post's text for mail sent at once. Items a person already has are skipped.
 */
export async function addNotifications(
  app: Pick<App, 'config' | 'db' | 'clock'>,
  trx: Transaction<Database>,
  cohort: { readonly id: string; readonly title: string },
  items: readonly NewNotification[],
  at: string,
  fullText?: string,
): Promise<void> {
  if (items.length === 0) return;
  const modes = await listEmailModes(
    trx,
    cohort.id,
    items.map((i) => i.userId),
  );
  const modeOf = (userId: string): EmailMode => modes.get(userId) ?? DEFAULT_EMAIL_MODE;
  const atOnce = (i: NewNotification) =>
    modeOf(i.userId) === 'each' || (i.kind === 'forum.post_removed' && modeOf(i.userId) !== 'off');
  await insertNotifications(
    trx,
    items.map((i) => ({
      id: newId(),
      user_id: i.userId,
      cohort_id: cohort.id,
      kind: i.kind,
      source_id: i.sourceId,
      data: JSON.stringify(i.data),
      created_at: at,
      read_at: null,
      mail_state: modeOf(i.userId) === 'off' ? 'none' : atOnce(i) ? 'sent' : 'digest',
      mailed_at: atOnce(i) ? at : null,
    })),
  );
  const now = items.filter(atOnce);
  const people = new Map(
    (
      await listRecipients(
        trx,
        now.map((i) => i.userId),
      )
    ).map((p) => [p.id, p]),
  );
  for (const i of now) {
    const person = people.get(i.userId);
    if (!person) continue;
    const locale = toLocale(person.locale);
    const pref = await ensurePreference(trx, i.userId, cohort.id, at);
    const links = mailLinks(app, pref, locale);
    const item: MailItem = {
      cohortTitle: cohort.title,
      data: i.data,
      kind: i.kind,
      link: `${mailOrigin(app)}${locale === 'fr' ? '/fr' : ''}${notificationPath(cohort.id, i.kind, i.data)}`,
    };
    const message =
      i.kind === 'forum.post_removed'
        ? removalMail({ to: person.email, name: person.name, locale, item, links })
        : postMail({
            to: person.email,
            name: person.name,
            locale,
            item,
            links,
            text: fullText ?? i.data.excerpt,
          });
    await deliverMail(app, trx, { ...message, headers: unsubscribeHeaders(links) });
  }
}

/** Marks one of the actor's notifications read (`id`), or all of them (`id` null). */
export async function markNotificationRead(app: App, actor: Actor, id: string | null): Promise<void> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const changed = await markNotificationsRead(app.db, actor.userId, id, app.clock.now().toISOString());
  if (id !== null && changed === 0) {
    const mine = await app.db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!mine) throw new NotFoundError('notification.not_found');
  }
}

/** Chooses how forum mail of a cohort reaches the actor: each post, a daily digest, or none. */
export async function setEmailMode(app: App, actor: Actor, input: EmailModeInput): Promise<void> {
  const data = parseInput(emailModeSchema, input);
  const { cohort, access } = await loadCohortAccess(app.db, actor, data.cohortId);
  assertCan(actor, 'forum.view', access, { hidden: 'cohort.not_found' });
  const at = app.clock.now().toISOString();
  await app.db.transaction().execute(async (trx) => {
    await ensurePreference(trx, actor.userId, cohort.id, at);
    await updateEmailMode(trx, actor.userId, cohort.id, data.mode, at);
  });
}

/**
 * One-click unsubscribe from a mail link, without signing in: checks the signed link and stops forum mail of its
 * cohort (or, for a digest's `*` link, of every cohort the person is in). Throws NotFoundError `notification.unsubscribe_invalid` for any link that is not
 * exactly the person's own. Returns how many cohorts it changed.
 */
export async function unsubscribeByLink(
  app: App,
  input: { readonly userId: string; readonly cohortId: string; readonly token: string },
): Promise<{ cohorts: number }> {
  const invalid = () => new NotFoundError('notification.unsubscribe_invalid');
  const { userId, cohortId, token } = input;
  if (!userId || !cohortId || !token || token.length > 100) throw invalid();
  const prefs = await listNotificationPreferencesOfUser(app.db, userId);
  const valid = prefs.some(
    (p) =>
      (cohortId === '*' || p.cohort_id === cohortId) &&
      verifyUnsubscribe(p.unsubscribe_secret, userId, cohortId, token),
  );
  if (!valid) throw invalid();
  const at = app.clock.now().toISOString();
  const targets =
    cohortId === '*' ? (await listEnrolmentsOfUser(app.db, userId)).map((e) => e.cohort_id) : [cohortId];
  await app.db.transaction().execute(async (trx) => {
    for (const target of targets) {
      await ensurePreference(trx, userId, target, at);
      await updateEmailMode(trx, userId, target, 'off', at);
    }
  });
  return { cohorts: targets.length };
}
