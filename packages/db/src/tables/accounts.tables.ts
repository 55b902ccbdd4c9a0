import type { Generated } from 'kysely';

// Tables of accounts: users, sessions, password resets, sign-in attempts.

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

/** One sign-in attempt; `key` combines the email and the client IP. */
export interface LoginAttemptTable {
  id: string;
  key: string;
  succeeded: number;
  created_at: string;
}

/** The accounts tables. */
export interface AccountsTables {
  users: UserTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  login_attempts: LoginAttemptTable;
}
