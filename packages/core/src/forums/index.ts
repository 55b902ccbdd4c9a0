/**
 * `@labmig/core/forums` — a cohort's forums: announcements, general discussion, Q&A, one forum per module (with its
 * prompt) and one private forum per group; discussions and replies (quoting), safe Markdown, an edit window,
 * moderation (edit, remove with a reason, lock, pin, move), read tracking, following and notifications, full-text
 * search, and each group's page with its exercises.
 *
 * For other features: `startThread(app, actor, cohortId, { forumId, title, body })` posts a discussion as the actor
 * (the support desk's "turn into a forum FAQ post"), `replyToThread` answers one; both check the forum policy,
 * the rate limit and notify followers like a post from the page.
 */
export {
  FORUM_LIMITS,
  startThreadSchema,
  replySchema,
  editPostSchema,
  removePostSchema,
  threadFlagSchema,
  moveThreadSchema,
  moveReplySchema,
  groupModeSchema,
  createForumSchema,
  subscriptionSchema,
  type StartThreadInput,
  type ReplyInput,
  type EditPostInput,
  type RemovePostInput,
  type ThreadFlagInput,
  type MoveThreadInput,
  type MoveReplyInput,
  type GroupModeInput,
  type CreateForumInput,
  type SubscriptionInput,
} from './forum.schema.ts';
export type { ForumDto, AuthorDto } from './forum.present.ts';
export { startThread, replyToThread, editPost, type PostedRef } from './thread.commands.ts';
export {
  removePost,
  setThreadLocked,
  setThreadPinned,
  moveThread,
  moveReply,
} from './moderation.commands.ts';
export { setForumGroupMode, createForum, setSubscription } from './forum-settings.commands.ts';
export {
  listForums,
  getForumPage,
  getForumSummary,
  type ForumSummaryDto,
  type ForumIndexDto,
  type ForumListItemDto,
  type ForumPageDto,
  type ThreadListItemDto,
} from './forum.queries.ts';
export {
  getThreadPage,
  findReadableAttachment,
  type ThreadPageDto,
  type PostDto,
  type AttachmentDto,
} from './thread.queries.ts';
export { searchForums, type ForumSearchDto, type SearchHitDto } from './forum-search.queries.ts';
export {
  getGroupWorkspace,
  type GroupWorkspaceDto,
  type GroupExerciseDto,
} from './group-workspace.queries.ts';
export { renderPostMarkdown } from './post-markdown.render.ts';
export { threadLiveTopic } from './forum-live.ts';
