import {
  findForum,
  findLastRead,
  findSubscriptionChoices,
  listForumsOfCohort,
  listGroupsOfCohort,
  findPostOfFile,
  listFilesOfThread,
  listPostsOfThread,
  markNotificationsReadBySource,
  markThreadRead,
  type ForumPostViewRow,
  type PostFileRow,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import type { App } from '../app/app.ts';
import type { Locale } from '../errors/error-messages.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import {
  forumAccessOf,
  loadForumsContext,
  loadReadableThread,
  postAccessOf,
  seesPost,
  signedIn,
} from './forum-access.ts';
import { followsByDefault } from './forum-notify.ts';
import { courseOfCohort } from './forum-setup.ts';
import { forumLabels, presentForum, type AuthorDto, type ForumDto } from './forum.present.ts';
import { editWindowEnd, isWithinEditWindow } from './forum.rules.ts';
import { FORUM_LIMITS } from './forum.schema.ts';
import { plainExcerpt } from './forum-text.rules.ts';
import { renderPostMarkdown } from './post-markdown.render.ts';

/** A file attached to a post (download it at the discussion's `files/<id>`, which checks access again). */
export interface AttachmentDto {
  readonly id: string;
  /** The sender's name with the extension of the type found in its content. */
  readonly name: string;
  readonly type: string;
  readonly mediaType: string;
  readonly size: number;
}

/** A post as the discussion page shows it. */
export interface PostDto {
  readonly id: string;
  readonly number: number;
  readonly author: AuthorDto;
  readonly createdAt: string;
  readonly editedAt: string | null;
  /** Who changed it, when it was not its author (a moderator). */
  readonly editedBy: string | null;
  /** The text as safe HTML; null for a removed post. */
  readonly html: string | null;
  /** The Markdown, for the actor's own edit form (null when they cannot change it). */
  readonly source: string | null;
  /** A removed post: by a moderator or its author; the reason only for the author and moderators. */
  readonly removed: { readonly byModerator: boolean; readonly reason: string | null } | null;
  /** The post this one quotes, when the actor can see it. */
  readonly replyTo: { readonly number: number; readonly author: string; readonly excerpt: string } | null;
  readonly own: boolean;
  /** New since the actor last read the discussion. */
  readonly unread: boolean;
  readonly canEdit: boolean;
  readonly canRemove: boolean;
  /** Whether removing needs a reason (a moderator removing someone else's post). */
  readonly removeNeedsReason: boolean;
  /** For the author: when the edit window closes. */
  readonly editableUntil: string | null;
  /** Its attachments (none for a removed post). */
  readonly attachments: readonly AttachmentDto[];
}

/** A discussion page. */
export interface ThreadPageDto {
  readonly cohort: { readonly id: string; readonly title: string };
  readonly forum: ForumDto;
  readonly thread: {
    readonly id: string;
    readonly title: string;
    readonly pinned: boolean;
    readonly locked: boolean;
    readonly createdAt: string;
    readonly group: { readonly id: string; readonly name: string } | null;
  };
  readonly posts: readonly PostDto[];
  /** Q&A: replies stay hidden until the actor posts their own. */
  readonly repliesHidden: boolean;
  readonly canReply: boolean;
  /** Why the actor cannot reply (locked, announcements, not a participant). */
  readonly replyRefusal: 'locked' | 'announcements' | 'not-allowed' | null;
  readonly canModerate: boolean;
  /** Forums the discussion can be moved to (moderators). */
  readonly moveTargets: readonly { readonly id: string; readonly label: string }[];
  readonly following: boolean;
  readonly forced: boolean;
  readonly lastNumber: number;
  readonly limits: {
    readonly titleMax: number;
    readonly bodyMax: number;
    readonly reasonMax: number;
    readonly editWindowMinutes: number;
  };
}

/**
 * A discussion with the posts the actor may read (in a Q&A forum, before they post, only the question and their
 * own posts), what they may do with each, and which posts are new to them; then marks it read up to the last post
 * they saw, with its notifications. Another group's discussion, a removed one, or one of another cohort is
 * "not found" (NotFoundError `forum.thread_not_found`).
 */
export async function getThreadPage(
  app: App,
  actor: Actor,
  cohortId: string,
  threadId: string,
  locale: Locale,
): Promise<ThreadPageDto> {
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const { thread, access } = await loadReadableThread(app.db, ctx, threadId);
  const now = app.clock.now();
  const course = await courseOfCohort(app.db, ctx.cohort);
  const groupRows = await listGroupsOfCohort(app.db, ctx.cohort.id);
  const groups = new Map(groupRows.map((g) => [g.id, g]));
  const forumRow = (await findForum(app.db, ctx.cohort.id, thread.forum_id))!;
  const moderator = can(ctx.actor, 'forum.moderate', access);
  const seesReplies = can(ctx.actor, 'thread.read-replies', access);
  const me = ctx.actor.userId;
  const all = await listPostsOfThread(app.db, thread.id);
  const visible = all.filter((p) => seesReplies || p.number === 1 || p.author_id === me);
  const byId = new Map(visible.map((p) => [p.id, p]));
  const lastRead = await findLastRead(app.db, me, thread.id);
  const othersReplied = all.some((p) => p.deleted_at === null && p.author_id !== me);
  const filesOf = new Map<string, PostFileRow[]>();
  for (const f of await listFilesOfThread(app.db, thread.id))
    filesOf.set(f.post_id, [...(filesOf.get(f.post_id) ?? []), f]);
  const present = (p: ForumPostViewRow): PostDto => {
    const own = p.author_id === me;
    const removed = p.deleted_at !== null;
    const inWindow = isWithinEditWindow(p.created_at, now);
    const authorMay = own && can(ctx.actor, 'post.edit-own', postAccessOf(access, p.author_id)) && inWindow;
    const quoted = p.reply_to_id ? byId.get(p.reply_to_id) : undefined;
    return {
      id: p.id,
      number: p.number,
      author: { id: p.author_id, name: p.author_name },
      createdAt: p.created_at,
      editedAt: p.edited_at,
      editedBy: p.edited_by && p.edited_by !== p.author_id ? p.edited_by_name : null,
      html: removed ? null : renderPostMarkdown(p.body),
      source: !removed && (moderator || authorMay) ? p.body : null,
      removed: removed
        ? { byModerator: p.deleted_by !== p.author_id, reason: own || moderator ? p.delete_reason : null }
        : null,
      replyTo:
        quoted && quoted.deleted_at === null
          ? { number: quoted.number, author: quoted.author_name, excerpt: plainExcerpt(quoted.body, 160) }
          : null,
      own,
      unread: !own && p.number > lastRead,
      canEdit: !removed && (moderator || authorMay),
      canRemove: !removed && (moderator || (authorMay && !(p.number === 1 && othersReplied))),
      removeNeedsReason: moderator && !own,
      editableUntil: own && !removed && inWindow ? editWindowEnd(p.created_at) : null,
      attachments: removed
        ? []
        : (filesOf.get(p.id) ?? []).map((f) => ({
            id: f.file_id,
            name: f.original_name,
            type: f.file_type,
            mediaType: f.media_type,
            size: Number(f.size_bytes),
          })),
    };
  };
  const posts = visible.map(present);
  const seen = Math.max(0, ...visible.map((p) => p.number));
  if (seen > lastRead) await markThreadRead(app.db, me, thread.id, seen, now.toISOString());
  await markNotificationsReadBySource(
    app.db,
    me,
    visible.map((p) => p.id),
    now.toISOString(),
  );
  const canReply = can(ctx.actor, 'thread.reply', access);
  const choices = await findSubscriptionChoices(app.db, me, forumRow.id, thread.id);
  const groupsOfMe = ctx.groups ?? { userId: me, cohortId: ctx.cohort.id, memberOf: null, tutorOf: [] };
  const forced = thread.forum_kind === 'announcements';
  const forums = moderator ? await listForumsOfCohort(app.db, ctx.cohort.id) : [];
  const g = thread.group_id ? groups.get(thread.group_id) : undefined;
  return {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title },
    forum: presentForum(forumRow, course, groups, locale),
    thread: {
      id: thread.id,
      title: thread.title,
      pinned: thread.pinned === 1,
      locked: thread.locked === 1,
      createdAt: thread.created_at,
      group: g ? { id: g.id, name: g.name } : null,
    },
    posts,
    repliesHidden:
      !seesReplies && all.some((p) => p.number > 1 && p.author_id !== me && p.deleted_at === null),
    canReply,
    replyRefusal: canReply
      ? null
      : thread.locked === 1
        ? 'locked'
        : thread.forum_kind === 'announcements'
          ? 'announcements'
          : 'not-allowed',
    canModerate: moderator,
    moveTargets: forums
      .filter((f) => f.id !== forumRow.id && can(ctx.actor, 'forum.moderate', forumAccessOf(ctx, f)))
      .map((f) => ({ id: f.id, label: forumLabels(f, course, groups)[locale] })),
    following: forced || (choices.thread ?? choices.forum ?? followsByDefault(forumRow, groupsOfMe)),
    forced,
    lastNumber: thread.last_post_number,
    limits: {
      titleMax: FORUM_LIMITS.titleMax,
      bodyMax: FORUM_LIMITS.bodyMax,
      reasonMax: FORUM_LIMITS.reasonMax,
      editWindowMinutes: FORUM_LIMITS.editWindowMinutes,
    },
  };
}

/**
 * The post of a discussion that an attachment belongs to, for downloading it: only when the reader may read the
 * discussion and see that post (in a Q&A forum, others' replies once they posted) and the post is not removed;
 * anything else is "not found" (NotFoundError `forum.file_not_found`, or the discussion's own). Returns the file id
 * to open with `openStoredFile`.
 */
export async function findReadableAttachment(
  app: Pick<App, 'db'>,
  actor: Actor,
  cohortId: string,
  threadId: string,
  fileId: string,
): Promise<string> {
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const { thread, access } = await loadReadableThread(app.db, ctx, threadId);
  const post = await findPostOfFile(app.db, thread.id, fileId);
  if (!post || !seesPost(ctx, access, post)) throw new NotFoundError('forum.file_not_found');
  return fileId;
}
