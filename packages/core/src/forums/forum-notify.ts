import {
  listCohortPeople,
  listGroupsOfCohort,
  listSubscriptionChoices,
  type CohortRow,
  type Database,
  type ForumRow,
  type ThreadWithForumRow,
  type Transaction,
} from '@labmig/db';
import { can } from '../access/can.ts';
import type { GroupRelations } from '../access/group-access.ts';
import type { App } from '../app/app.ts';
import { addNotifications, type NewNotification } from '../notifications/notification.commands.ts';
import { threadAccessOf, type ForumsContext } from './forum-access.ts';
import { plainExcerpt } from './forum-text.rules.ts';
import { NOTIFICATION_LIMITS } from '../notifications/notification.schema.ts';

/** The post a fan-out is about. */
export interface PostedItem {
  readonly id: string;
  readonly number: number;
  readonly authorId: string;
  readonly authorName: string;
  readonly body: string;
}

/**
 * Whether a forum's members follow it without choosing to: everyone follows announcements (and cannot stop), a
 * group's learners and tutor follow their group's forum (and can stop); other forums are followed by choice.
 */
export function followsByDefault(
  forum: Pick<ForumRow, 'kind' | 'group_id'>,
  groups: GroupRelations,
): boolean {
  if (forum.kind === 'announcements') return true;
  if (forum.kind !== 'group' || forum.group_id === null) return false;
  return groups.memberOf === forum.group_id || groups.tutorOf.includes(forum.group_id);
}

/**
 * Notifies, inside the posting transaction, everyone who follows the discussion or its forum and may read the
 * post — decided per person by the forum policy (another group's thread, a Q&A reply before they posted, a
 * withdrawn member: nobody is told what they could not read). The author is never notified of their own post.
 */
export async function notifyFollowers(
  app: Pick<App, 'config' | 'db' | 'clock'>,
  trx: Transaction<Database>,
  cohort: CohortRow,
  thread: ThreadWithForumRow,
  forumLabels: { readonly en: string; readonly fr: string },
  post: PostedItem,
  at: string,
): Promise<void> {
  const people = await listCohortPeople(trx, cohort.id);
  const groups = await listGroupsOfCohort(trx, cohort.id);
  const choices = await listSubscriptionChoices(trx, thread.forum_id, thread.id);
  const forumChoice = new Map(choices.forum.map((c) => [c.user_id, c.subscribed === 1]));
  const threadChoice = new Map(choices.thread.map((c) => [c.user_id, c.subscribed === 1]));
  const authors = new Set(
    (
      await trx
        .selectFrom('forum_posts')
        .select('author_id')
        .where('thread_id', '=', thread.id)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((r) => r.author_id),
  );
  const forumRow = { kind: thread.forum_kind, group_id: thread.forum_group_id };
  const announcement = thread.forum_kind === 'announcements' && post.number === 1;
  const items: NewNotification[] = [];
  const data = {
    threadId: thread.id,
    threadTitle: thread.title,
    postId: post.id,
    postNumber: post.number,
    forum: forumLabels,
    author: post.authorName,
    excerpt: plainExcerpt(post.body, NOTIFICATION_LIMITS.excerpt),
  };
  for (const person of people) {
    if (person.user_id === post.authorId || person.status !== 'active') continue;
    const relations: GroupRelations = {
      userId: person.user_id,
      cohortId: cohort.id,
      memberOf: person.role === 'learner' ? person.group_id : null,
      tutorOf: groups.filter((g) => g.tutor_user_id === person.user_id).map((g) => g.id),
    };
    // Announcements reach everyone, whatever they chose elsewhere.
    const follows =
      thread.forum_kind === 'announcements' ||
      (threadChoice.get(person.user_id) ??
        forumChoice.get(person.user_id) ??
        followsByDefault(forumRow, relations));
    if (!follows) continue;
    const ctx: ForumsContext = {
      actor: {
        kind: 'user',
        userId: person.user_id,
        name: person.name,
        email: person.email,
        locale: 'en',
        isAdmin: false,
      },
      cohort,
      access: {
        kind: 'cohort',
        cohortId: cohort.id,
        membership: {
          userId: person.user_id,
          cohortId: cohort.id,
          enrolmentId: '',
          role: person.role,
          status: person.status,
        },
      },
      groups: relations,
    };
    const access = threadAccessOf(ctx, thread, authors.has(person.user_id));
    const allowed =
      post.number === 1
        ? can(ctx.actor, 'thread.read', access)
        : can(ctx.actor, 'thread.read-replies', access);
    if (!allowed) continue;
    items.push({
      userId: person.user_id,
      kind: announcement ? 'forum.announcement' : 'forum.post',
      sourceId: post.id,
      data,
    });
  }
  await addNotifications(app, trx, { id: cohort.id, title: cohort.title }, items, at, post.body);
}
