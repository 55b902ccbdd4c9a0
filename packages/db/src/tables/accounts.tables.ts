import type { Generated } from 'kysely';

// Tables of accounts: users, sessions, password resets, rate-limit buckets, known browsers, email confirmations.

/**
 * Row types of every table, as stored. Timestamps are ISO-8601 UTC text, booleans are integer 0/1,
 * JSON is text. Services map these rows to domain values; rows never leave packages/core.
 */
export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  locale: string;
  country: string;
  organisation_type: string;
  job_title: string;
  /** When the user opened the confirmation link mailed at sign-up; null until then (accounts made by staff are confirmed). */
  email_confirmed_at: string | null;
  created_at: string;
  updated_at: string;
  /** When a site admin deactivated the account (it cannot sign in); null when active (migration 0006). */
  deactivated_at: Generated<string | null>;
  /** 1 when the person gets course reminders (week opening, assessment closing), 0 after opting out. */
  reminders_enabled: Generated<number>;
  /** Secret that signs the person's unsubscribe links, made the first time one is needed. */
  mail_secret: Generated<string | null>;
}

/** A session; `id` is the sha256 hex of the token the browser holds. */
export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/** A password-reset link; `id` is the sha256 hex of the emailed token. */
export interface PasswordResetTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/**
 * A rate-limit bucket: `count` attempts since `window_started_at` under one key (such as `signin:pair:<email>|<ip>`).
 * Reserved in one atomic statement before the work it limits, so that parallel requests cannot all pass.
 */
export interface RateLimitTable {
  key: string;
  window_started_at: string;
  count: number;
}

/** A browser a user signed in from; `id` is the sha256 hex of the token in its device cookie. */
export interface SignInDeviceTable {
  id: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
}

/** An email-confirmation link; `id` is the sha256 hex of the emailed token. */
export interface EmailConfirmationTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** The accounts tables. */
export interface AccountsTables {
  users: UserTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  rate_limits: RateLimitTable;
  sign_in_devices: SignInDeviceTable;
  email_confirmations: EmailConfirmationTable;
}
