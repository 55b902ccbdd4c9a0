import {
  countUnreadNotifications,
  listEnrolmentsOfUser,
  listNotificationsOfUser,
  listNotificationPreferencesOfUser,
  type EmailMode,
  type NotificationKind,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { UnauthenticatedError } from '../errors/domain-errors.ts';
import type { Locale } from '../errors/error-messages.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import { notificationPath } from './notification.commands.ts';
import { DEFAULT_EMAIL_MODE, NOTIFICATION_LIMITS, notificationDataSchema } from './notification.schema.ts';

/** One item of the notification list. */
export interface NotificationDto {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly cohortTitle: string;
  readonly createdAt: string;
  readonly read: boolean;
  readonly threadTitle: string;
  readonly forum: string;
  readonly author: string;
  readonly excerpt: string;
  readonly reason: string | null;
  readonly href: string;
}

/** The notification page: the latest items, the unread count, and the mail choice per cohort. */
export interface NotificationsPageDto {
  readonly items: readonly NotificationDto[];
  readonly unread: number;
  readonly cohorts: readonly {
    readonly cohortId: string;
    readonly title: string;
    readonly mode: EmailMode;
  }[];
}

/** The actor's notifications (newest first) and mail choices in the cohorts where they are active. */
export async function getNotificationsPage(
  app: App,
  actor: Actor,
  locale: Locale,
): Promise<NotificationsPageDto> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const rows = await listNotificationsOfUser(app.db, actor.userId, NOTIFICATION_LIMITS.listed);
  const prefs = new Map(
    (await listNotificationPreferencesOfUser(app.db, actor.userId)).map((p) => [p.cohort_id, p.email_mode]),
  );
  const cohorts = (await listEnrolmentsOfUser(app.db, actor.userId)).filter((e) => e.status === 'active');
  return {
    items: rows.map((r) => {
      const data = parseStoredJson(notificationDataSchema, r.data, `notification ${r.id}`);
      return {
        id: r.id,
        kind: r.kind,
        cohortTitle: r.cohort_title,
        createdAt: r.created_at,
        read: r.read_at !== null,
        threadTitle: data.threadTitle,
        forum: data.forum[locale],
        author: data.author,
        excerpt: data.excerpt,
        reason: data.reason ?? null,
        href: notificationPath(r.cohort_id, r.kind, data),
      };
    }),
    unread: await countUnreadNotifications(app.db, actor.userId),
    cohorts: cohorts.map((e) => ({
      cohortId: e.cohort_id,
      title: e.cohort_title,
      mode: prefs.get(e.cohort_id) ?? DEFAULT_EMAIL_MODE,
    })),
  };
}

/** How many unread notifications the actor has (the header's badge); 0 for anonymous visitors. */
export async function countMyUnreadNotifications(app: App, actor: Actor): Promise<number> {
  return actor.kind === 'user' ? countUnreadNotifications(app.db, actor.userId) : 0;
}
