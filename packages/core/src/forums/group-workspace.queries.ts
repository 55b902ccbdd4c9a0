import { findForumBySlot, listGroupMembers, listGroupsOfCohort, listVisibleThreads } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import type { App } from '../app/app.ts';
import type { GroupExercise } from '../content/content.schema.ts';
import type { Locale } from '../errors/error-messages.ts';
import { loadGroupAccess } from '../groups/group.queries.ts';
import { addCalendarDays, zonedTimeToUtc } from '../shared/time-zone.rules.ts';
import { loadForumsContext, readerScope, signedIn } from './forum-access.ts';
import { courseOfCohort, ensureCohortForums } from './forum-setup.ts';
import { renderPostMarkdown } from './post-markdown.render.ts';
import type { ThreadListItemDto } from './forum.queries.ts';

/** A group exercise on the group page. */
export interface GroupExerciseDto {
  readonly moduleId: string;
  readonly moduleNumber: number;
  readonly moduleTitle: string;
  readonly title: string;
  readonly instructionsHtml: string;
  /** Due: the instant, and the local date and time in the cohort's time zone. */
  readonly dueAt: string;
  readonly dueDate: string;
  readonly dueTime: string;
  readonly timeZone: string;
  readonly past: boolean;
  /** The group's discussion of the exercise in its forum, once someone started it. */
  readonly discussion: { readonly threadId: string; readonly posts: number } | null;
  /** The assignment through which the group hands in its one submission (id), if the exercise names one. */
  readonly assignmentId: string | null;
}

/** A group's page: members, tutor, its private forum's latest discussions, and the course's group exercises. */
export interface GroupWorkspaceDto {
  readonly cohort: { readonly id: string; readonly title: string };
  readonly group: { readonly id: string; readonly name: string };
  readonly tutor: { readonly id: string; readonly name: string } | null;
  readonly members: readonly { readonly id: string; readonly name: string; readonly country: string }[];
  readonly forumId: string;
  readonly threads: readonly Pick<ThreadListItemDto, 'id' | 'title' | 'posts' | 'unread' | 'lastPostAt'>[];
  readonly exercises: readonly GroupExerciseDto[];
  readonly canManage: boolean;
}

/**
 * The instant a group exercise falls due in a cohort: day 1 of week 1 is the cohort's first day, the time is local.
 * @example exerciseDueAt('2026-03-02', 'Europe/Rome', { week: 2, day: 3, time: '23:59' }).toISOString() // '2026-03-11T22:59:00.000Z'
 */
export function exerciseDueAt(startsOn: string, timeZone: string, due: GroupExercise['due']): Date {
  return zonedTimeToUtc(addCalendarDays(startsOn, 7 * (due.week - 1) + due.day - 1), due.time, timeZone);
}

/**
 * The page of a group: for its learners, the cohort's tutors and managers and site admins; anyone else — a
 * learner of another group included — gets "not found" (NotFoundError `group.not_found`).
 */
export async function getGroupWorkspace(
  app: App,
  actor: Actor,
  cohortId: string,
  groupId: string,
  locale: Locale,
): Promise<GroupWorkspaceDto> {
  const { cohort, access, group } = await loadGroupAccess(app.db, signedIn(actor), cohortId, groupId);
  const ctx = await loadForumsContext(app.db, actor, cohort.id);
  const course = await courseOfCohort(app.db, cohort);
  await ensureCohortForums(app.db, cohort, course, app.clock.now().toISOString());
  const forum = (await findForumBySlot(app.db, cohort.id, `group:${group.id}`))!;
  const threads = await listVisibleThreads(app.db, readerScope(ctx), forum.id, { limit: 50, offset: 0 });
  const members = await listGroupMembers(app.db, group.id);
  const tutor = group.tutor_user_id
    ? ((await listGroupsOfCohort(app.db, cohort.id)).find((g) => g.id === group.id)?.tutor_name ?? null)
    : null;
  const now = app.clock.now();
  const exercises = (course?.modules ?? []).flatMap((m): GroupExerciseDto[] => {
    const ex = m.groupExercise;
    if (!ex) return [];
    const title = (locale === 'fr' && ex.fr?.title) || ex.title;
    const dueAt = exerciseDueAt(cohort.starts_on, cohort.time_zone, ex.due);
    const discussion = threads.find(
      (t) => t.title === title || t.title === ex.title || t.title === ex.fr?.title,
    );
    return [
      {
        moduleId: m.id,
        moduleNumber: m.number,
        moduleTitle: (locale === 'fr' && m.fr?.title) || m.title,
        title,
        instructionsHtml: renderPostMarkdown((locale === 'fr' && ex.fr?.instructions) || ex.instructions),
        dueAt: dueAt.toISOString(),
        dueDate: addCalendarDays(cohort.starts_on, 7 * (ex.due.week - 1) + ex.due.day - 1),
        dueTime: ex.due.time,
        timeZone: cohort.time_zone,
        past: now.getTime() > dueAt.getTime(),
        discussion: discussion ? { threadId: discussion.id, posts: discussion.posts } : null,
        assignmentId: ex.assignment ?? null,
      },
    ];
  });
  return {
    cohort: { id: cohort.id, title: cohort.title },
    group: { id: group.id, name: group.name },
    tutor: group.tutor_user_id && tutor !== null ? { id: group.tutor_user_id, name: tutor } : null,
    members: members.map((m) => ({ id: m.user_id, name: m.name, country: m.country })),
    forumId: forum.id,
    threads: threads.slice(0, 10).map((t) => ({
      id: t.id,
      title: t.title,
      posts: t.posts,
      unread: t.unread,
      lastPostAt: t.last_post_at,
    })),
    exercises,
    canManage: can(actor, 'group.manage', { ...access, kind: 'cohort' }),
  };
}
