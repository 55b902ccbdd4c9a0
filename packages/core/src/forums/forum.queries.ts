import {
  countVisibleThreads,
  listForumActivity,
  listForumChoicesOfUser,
  listGroupsOfCohort,
  listVisibleThreads,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import type { App } from '../app/app.ts';
import type { Locale } from '../errors/error-messages.ts';
import {
  forumAccessOf,
  loadForumsContext,
  loadReadableForum,
  readerScope,
  signedIn,
  type ForumsContext,
} from './forum-access.ts';
import { followsByDefault } from './forum-notify.ts';
import { courseOfCohort, ensureCohortForums } from './forum-setup.ts';
import { presentForum, type AuthorDto, type ForumDto } from './forum.present.ts';
import { FORUM_LIMITS } from './forum.schema.ts';

/** A forum in the cohort's list. */
export interface ForumListItemDto extends ForumDto {
  readonly threads: number;
  readonly unread: number;
  readonly lastPostAt: string | null;
  readonly following: boolean;
  /** Announcements: everyone follows them. */
  readonly forced: boolean;
}

/** The forum list of a cohort. */
export interface ForumIndexDto {
  readonly cohort: { readonly id: string; readonly title: string };
  readonly forums: readonly ForumListItemDto[];
  readonly unread: number;
  readonly canManage: boolean;
  readonly ownGroup: { readonly id: string; readonly name: string } | null;
  readonly limits: { readonly searchMax: number; readonly titleMax: number; readonly introMax: number };
}

/** Whether the actor follows a forum: their own choice, else the forum's default for them. */
async function followingOf(app: App, ctx: ForumsContext) {
  const choices = new Map(
    (await listForumChoicesOfUser(app.db, ctx.cohort.id, ctx.actor.userId)).map((c) => [
      c.forum_id,
      c.subscribed === 1,
    ]),
  );
  const groups = ctx.groups ?? {
    userId: ctx.actor.userId,
    cohortId: ctx.cohort.id,
    memberOf: null,
    tutorOf: [],
  };
  return (forum: { id: string; kind: ForumDto['kind']; group_id: string | null }) =>
    forum.kind === 'announcements' || (choices.get(forum.id) ?? followsByDefault(forum, groups));
}

/**
 * The forums of a cohort the actor may read (making the standard ones the first time), each with its number of
 * discussions, the actor's unread posts and whether they follow it. Active members and site admins.
 */
export async function listForums(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale,
): Promise<ForumIndexDto> {
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const course = await courseOfCohort(app.db, ctx.cohort);
  const rows = await ensureCohortForums(app.db, ctx.cohort, course, app.clock.now().toISOString());
  const groupRows = await listGroupsOfCohort(app.db, ctx.cohort.id);
  const groups = new Map(groupRows.map((g) => [g.id, g]));
  const activity = new Map((await listForumActivity(app.db, readerScope(ctx))).map((a) => [a.forumId, a]));
  const follows = await followingOf(app, ctx);
  const forums = rows
    .filter((f) => can(ctx.actor, 'forum.read', forumAccessOf(ctx, f)))
    .map((f): ForumListItemDto => {
      const a = activity.get(f.id);
      return {
        ...presentForum(f, course, groups, locale),
        threads: a?.threads ?? 0,
        unread: a?.unread ?? 0,
        lastPostAt: a?.lastPostAt ?? null,
        following: follows(f),
        forced: f.kind === 'announcements',
      };
    })
    .sort(
      (a, b) =>
        Number(a.kind === 'group') - Number(b.kind === 'group') ||
        (a.group?.name ?? '').localeCompare(b.group?.name ?? ''),
    );
  const own = ctx.groups?.memberOf ? groups.get(ctx.groups.memberOf) : undefined;
  return {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title },
    forums,
    unread: forums.reduce((n, f) => n + f.unread, 0),
    canManage: can(ctx.actor, 'forum.manage', ctx.access),
    ownGroup: own ? { id: own.id, name: own.name } : null,
    limits: {
      searchMax: FORUM_LIMITS.searchMax,
      titleMax: FORUM_LIMITS.titleMax,
      introMax: FORUM_LIMITS.forumIntroMax,
    },
  };
}

/** A discussion in a forum's list. */
export interface ThreadListItemDto {
  readonly id: string;
  readonly title: string;
  readonly author: AuthorDto;
  readonly pinned: boolean;
  readonly locked: boolean;
  /** Posts the actor can see, the first included. */
  readonly posts: number;
  readonly unread: number;
  readonly createdAt: string;
  readonly lastPostAt: string;
  readonly group: { readonly id: string; readonly name: string } | null;
}

/** A forum page: the forum, one page of its discussions, and what the actor may do there. */
export interface ForumPageDto {
  readonly cohort: { readonly id: string; readonly title: string };
  readonly forum: ForumDto;
  readonly threads: readonly ThreadListItemDto[];
  readonly page: number;
  readonly pages: number;
  readonly start: {
    readonly allowed: boolean;
    /** Why a learner cannot start one: they need a group first. */
    readonly needsGroup: boolean;
    /** Staff in a separate-groups forum give the discussion to a group, or to everyone. */
    readonly groupChoices: readonly { readonly id: string; readonly name: string }[] | null;
  };
  readonly canSetGroupMode: boolean;
  readonly following: boolean;
  readonly forced: boolean;
  readonly limits: {
    readonly titleMax: number;
    readonly bodyMax: number;
    readonly editWindowMinutes: number;
  };
}

/** One page (FORUM_LIMITS.threadsPerPage) of a forum's discussions the actor may see: pinned first, then latest. */
export async function getForumPage(
  app: App,
  actor: Actor,
  cohortId: string,
  forumId: string,
  page: number,
  locale: Locale,
): Promise<ForumPageDto> {
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const { forum, access } = await loadReadableForum(app.db, ctx, forumId);
  const course = await courseOfCohort(app.db, ctx.cohort);
  const groupRows = await listGroupsOfCohort(app.db, ctx.cohort.id);
  const groups = new Map(groupRows.map((g) => [g.id, g]));
  const scope = readerScope(ctx);
  const total = await countVisibleThreads(app.db, scope, forum.id);
  const size = FORUM_LIMITS.threadsPerPage;
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await listVisibleThreads(app.db, scope, forum.id, {
    limit: size,
    offset: (current - 1) * size,
  });
  const moderator = can(ctx.actor, 'forum.moderate', access);
  const follows = await followingOf(app, ctx);
  const allowed = can(ctx.actor, 'forum.start', access);
  return {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title },
    forum: presentForum(forum, course, groups, locale),
    threads: rows.map((t) => {
      const g = t.group_id ? groups.get(t.group_id) : undefined;
      return {
        id: t.id,
        title: t.title,
        author: { id: t.author_id, name: t.author_name },
        pinned: t.pinned === 1,
        locked: t.locked === 1,
        posts: t.posts,
        unread: t.unread,
        createdAt: t.created_at,
        lastPostAt: t.last_post_at,
        group: g ? { id: g.id, name: g.name } : null,
      };
    }),
    page: current,
    pages,
    start: {
      allowed,
      needsGroup: !allowed && forum.group_mode === 'separate' && ctx.access.membership?.role === 'learner',
      groupChoices:
        allowed && moderator && forum.group_mode === 'separate'
          ? groupRows.map((g) => ({ id: g.id, name: g.name }))
          : null,
    },
    canSetGroupMode:
      can(ctx.actor, 'forum.manage', ctx.access) && (forum.kind === 'module' || forum.kind === 'general'),
    following: follows(forum),
    forced: forum.kind === 'announcements',
    limits: {
      titleMax: FORUM_LIMITS.titleMax,
      bodyMax: FORUM_LIMITS.bodyMax,
      editWindowMinutes: FORUM_LIMITS.editWindowMinutes,
    },
  };
}

/** What a cohort's course home says about its forums and groups. */
export interface ForumSummaryDto {
  readonly unread: number;
  readonly ownGroupId: string | null;
  readonly canManageGroups: boolean;
}

/**
 * The forum links of a course home: the actor's unread posts in the cohort's forums, their group, and whether they
 * manage groups; null for anyone who may not see the forums.
 */
export async function getForumSummary(
  app: App,
  actor: Actor,
  cohortId: string,
): Promise<ForumSummaryDto | null> {
  if (actor.kind !== 'user') return null;
  const ctx = await loadForumsContext(app.db, actor, cohortId).catch(() => null);
  if (!ctx) return null;
  const activity = await listForumActivity(app.db, readerScope(ctx));
  return {
    unread: activity.reduce((n, a) => n + a.unread, 0),
    ownGroupId: ctx.groups?.memberOf ?? null,
    canManageGroups: can(ctx.actor, 'group.manage', ctx.access),
  };
}
