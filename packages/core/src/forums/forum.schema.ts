import { z } from 'zod';
import { UPLOAD_RULES } from '../files/upload-rules.ts';

/** Limits of forums, defined once: the forms, the commands and the messages use them. */
export const FORUM_LIMITS = {
  titleMax: 200,
  bodyMax: 20_000,
  reasonMax: 500,
  forumIntroMax: 2_000,
  /** Authors may change or remove their post for this long after posting; moderators any time. */
  editWindowMinutes: 30,
  /** Posts a person may make per window (learners; staff answer many questions at once). */
  ratePosts: 5,
  rateStaffPosts: 20,
  rateWindowSeconds: 60,
  searchMax: 200,
  searchResults: 50,
  threadsPerPage: 25,
} as const;

const id = z.string().trim().min(1).max(100);
const optionalId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v ? v : null));
const body = z
  .string()
  .max(FORUM_LIMITS.bodyMax)
  .refine((v) => v.trim().length > 0, { message: 'required' });
const title = z.string().trim().min(1).max(FORUM_LIMITS.titleMax);
/** Attachments: files the poster uploaded for this post (pending, theirs, of use `forum-attachment`). */
const fileIds = z.array(id).max(UPLOAD_RULES['forum-attachment'].maxFiles).default([]);
/** A yes/no value from a form (`1`/`0`, `true`/`false`, `on`/`off`) or from code. */
const flag = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'on', 'off'])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'on');

/** Start a discussion: title and first post; staff may give a thread of a separate-groups forum to one group. */
export const startThreadSchema = z.object({ forumId: id, title, body, groupId: optionalId, fileIds });
export type StartThreadInput = z.input<typeof startThreadSchema>;

/** Reply to a discussion, optionally quoting one of its posts. */
export const replySchema = z.object({ threadId: id, body, replyToId: optionalId, fileIds });
export type ReplyInput = z.input<typeof replySchema>;

/** Change a post (and, for the first post, the discussion's title). */
export const editPostSchema = z.object({ threadId: id, postId: id, body, title: title.optional() });
export type EditPostInput = z.input<typeof editPostSchema>;

/** Remove a post; moderators give a reason, which its author is told. */
export const removePostSchema = z.object({
  threadId: id,
  postId: id,
  reason: z.string().trim().max(FORUM_LIMITS.reasonMax).default(''),
});
export type RemovePostInput = z.input<typeof removePostSchema>;

/** Lock or unlock, pin or unpin a discussion. */
export const threadFlagSchema = z.object({ threadId: id, on: flag });
export type ThreadFlagInput = z.input<typeof threadFlagSchema>;

/** Move a discussion to another forum of the cohort. */
export const moveThreadSchema = z.object({ threadId: id, forumId: id });
export type MoveThreadInput = z.input<typeof moveThreadSchema>;

/** Move one reply to another discussion of the cohort (it becomes that discussion's latest post). */
export const moveReplySchema = z.object({ threadId: id, postId: id, toThreadId: id });
export type MoveReplyInput = z.input<typeof moveReplySchema>;

/** Set a forum's group mode. */
export const groupModeSchema = z.object({ forumId: id, mode: z.enum(['none', 'separate']) });
export type GroupModeInput = z.input<typeof groupModeSchema>;

/** Add a forum to the cohort: another discussion forum or another Q&A forum. */
export const createForumSchema = z.object({
  kind: z.enum(['general', 'qa']),
  title,
  intro: z.string().trim().max(FORUM_LIMITS.forumIntroMax).default(''),
});
export type CreateForumInput = z.input<typeof createForumSchema>;

/** Subscribe to (or unsubscribe from) a forum or a discussion. */
export const subscriptionSchema = z.object({
  forumId: optionalId,
  threadId: optionalId,
  subscribed: flag,
});
export type SubscriptionInput = z.input<typeof subscriptionSchema>;
