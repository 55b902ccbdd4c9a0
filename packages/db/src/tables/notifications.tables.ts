// Notifications: the in-app list, mail choices per cohort, and the daily digests sent.

/** How a person gets forum mail in a cohort: each post at once, one daily digest, or none. */
export type EmailMode = 'each' | 'digest' | 'off';

/** What a notification is about. */
export type NotificationKind = 'forum.post' | 'forum.announcement' | 'forum.post_removed';

/** Whether a notification goes out by mail: `none`, waiting for the next `digest`, or `sent` (at once or in one). */
export type NotificationMailState = 'none' | 'digest' | 'sent';

/** One item of a person's in-app notification list. `data` is JSON (what to show: titles, author, excerpt, link). */
export interface NotificationTable {
  id: string;
  user_id: string;
  cohort_id: string;
  kind: NotificationKind;
  /** The post (or other thing) it is about; unique with the user and kind, so a fan-out can run twice. */
  source_id: string;
  data: string;
  created_at: string;
  read_at: string | null;
  mail_state: NotificationMailState;
  mailed_at: string | null;
}

/** A person's mail choice in a cohort and the secret that signs their unsubscribe links. */
export interface NotificationPreferenceTable {
  user_id: string;
  cohort_id: string;
  email_mode: EmailMode;
  unsubscribe_secret: string;
  updated_at: string;
}

/** One digest mail: at most one per person per day (primary key), however many processes try. */
export interface NotificationDigestTable {
  user_id: string;
  day: string;
  sent_at: string;
  items: number;
}

/** The notification tables. */
export interface NotificationsTables {
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  notification_digests: NotificationDigestTable;
}
