import { z } from 'zod';
import type { EmailMode } from '@labmig/db';

/** How forum mail may arrive; the default is one daily digest. */
export const EMAIL_MODES = ['each', 'digest', 'off'] as const satisfies readonly EmailMode[];
export const DEFAULT_EMAIL_MODE: EmailMode = 'digest';

/** Limits of the notification list. */
export const NOTIFICATION_LIMITS = { listed: 50, excerpt: 240 } as const;

/** Choose how forum mail of a cohort arrives. */
export const emailModeSchema = z.object({
  cohortId: z.string().trim().min(1).max(100),
  mode: z.enum(EMAIL_MODES),
});
export type EmailModeInput = z.input<typeof emailModeSchema>;

/** What a notification shows (stored as JSON): the discussion, the forum, who wrote what, and a removal's reason. */
export const notificationDataSchema = z.object({
  threadId: z.string(),
  threadTitle: z.string(),
  postId: z.string(),
  postNumber: z.number().int(),
  forum: z.object({ en: z.string(), fr: z.string() }),
  author: z.string(),
  excerpt: z.string(),
  reason: z.string().optional(),
});
export type NotificationData = z.output<typeof notificationDataSchema>;
