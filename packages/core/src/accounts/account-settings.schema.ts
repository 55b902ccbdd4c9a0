import { z } from 'zod';
import { ACCOUNT_LIMITS, emailField } from './account.schema.ts';

/** Limits of a person's own account settings. */
export const ACCOUNT_SETTINGS_LIMITS = {
  /** A link that confirms a new address is valid this long. */
  emailChangeHours: 24,
  /** At most this many email-change links an hour per account (each mails two addresses). */
  emailChangesPerHour: 5,
} as const;

const currentPassword = z.string().min(1).max(ACCOUNT_LIMITS.passwordMax);

/** Change password: the current one (proof it is the person), and the new one. */
export const changePasswordSchema = z.object({
  currentPassword,
  newPassword: z.string().min(ACCOUNT_LIMITS.passwordMin).max(ACCOUNT_LIMITS.passwordMax),
});
/** The change-password form. */
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** Change email: the new address, and the current password. */
export const changeEmailSchema = z.object({ email: emailField, currentPassword });
/** The change-email form. */
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;

/** A token from a mailed link. */
export const linkTokenSchema = z.object({ token: z.string().trim().min(1).max(200) });

/** A one-click unsubscribe link: the person and the signature. */
export const unsubscribeSchema = z.object({
  user: z.string().trim().min(1).max(64),
  token: z.string().trim().min(1).max(200),
});
/** The unsubscribe link's parameters. */
export type UnsubscribeInput = z.input<typeof unsubscribeSchema>;
