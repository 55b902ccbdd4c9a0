import { z } from 'zod';

/** Limits of the support desk, defined once: the forms, the commands and the messages use them. */
export const SUPPORT_LIMITS = {
  bodyMax: 4_000,
  faqTitleMax: 200,
  /** Questions a learner may ask per window (one bucket per person, across processes). */
  askPerWindow: 3,
  askWindowMinutes: 10,
  /** Questions a learner may have open at once. */
  openMax: 5,
  /** Conversation lines per minute: learners, and tutors (who answer many at once). */
  messagesPerMinute: 6,
  staffMessagesPerMinute: 30,
  /** A tutor counts as online while available and a desk page of theirs was open in the last minutes. */
  onlineWindowMinutes: 3,
  /** Closed questions the queue page lists. */
  closedShown: 20,
} as const;

const id = z.string().trim().min(1).max(100);
const body = z
  .string()
  .max(SUPPORT_LIMITS.bodyMax)
  .refine((v) => v.trim().length > 0, { message: 'required' });
/** A yes/no value from a form (`1`/`0`, `true`/`false`, `on`/`off`) or from code. */
const flag = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'on', 'off'])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'on');

/** Ask a question. */
export const askSchema = z.object({ body });
export type AskInput = z.input<typeof askSchema>;

/** Add to a question's conversation: the asker's follow-up or a tutor's answer. */
export const supportMessageSchema = z.object({ questionId: id, body });
export type SupportMessageInput = z.input<typeof supportMessageSchema>;

/** Claim, close: one question. */
export const questionRefSchema = z.object({ questionId: id });
export type QuestionRefInput = z.input<typeof questionRefSchema>;

/** Hand a question over to another tutor or manager of the cohort. */
export const handOverSchema = z.object({ questionId: id, toUserId: id });
export type HandOverInput = z.input<typeof handOverSchema>;

/** Turn an answered question into a forum FAQ post. */
export const faqSchema = z.object({
  questionId: id,
  forumId: id,
  title: z.string().trim().min(1).max(SUPPORT_LIMITS.faqTitleMax),
});
export type FaqInput = z.input<typeof faqSchema>;

/** A tutor's availability on the desk. */
export const availabilitySchema = z.object({ available: flag });
export type AvailabilityInput = z.input<typeof availabilitySchema>;
