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
