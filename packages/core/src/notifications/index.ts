/**
 * `@labmig/core/notifications` — the in-app notification list (with the header's unread count), each person's
 * forum-mail choice per cohort (each post, a daily digest — the default — or none) and the one-click unsubscribe
 * link that works without signing in.
 */
export {
  EMAIL_MODES,
  DEFAULT_EMAIL_MODE,
  NOTIFICATION_LIMITS,
  emailModeSchema,
  type EmailModeInput,
} from './notification.schema.ts';
export { markNotificationRead, setEmailMode, unsubscribeByLink } from './notification.commands.ts';
export {
  getNotificationsPage,
  countMyUnreadNotifications,
  type NotificationDto,
  type NotificationsPageDto,
} from './notification.queries.ts';
