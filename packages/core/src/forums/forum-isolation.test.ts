import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { can } from '../access/can.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { loadForumsContext, threadAccessOf } from './forum-access.ts';
import { getForumPage, listForums } from './forum.queries.ts';
import { searchForums } from './forum-search.queries.ts';
import { setForumGroupMode } from './forum-settings.commands.ts';
import { getGroupWorkspace } from './group-workspace.queries.ts';
import { replyToThread, startThread } from './thread.commands.ts';
import { getThreadPage } from './thread.queries.ts';
import { setUpForumWorld, type ForumPerson, type ForumWorld } from './testing/forum-world.ts';
import { findThreadWithForum, hasPostedInThread } from '@labmig/db';

/** Every kind of place a post can be, each post saying "zebra" and naming where it is. */
async function populate(w: ForumWorld) {
  const { app, cohortId, actors, forums } = w;
  const separate = forums['module:01-alpha']!;
  await setForumGroupMode(app, actors.manager, cohortId, { forumId: separate, mode: 'separate' });
  const t = async (who: ForumPerson, forumId: string, title: string, groupId?: string) =>
    (await startThread(app, actors[who], cohortId, { forumId, title, body: `zebra ${title}`, groupId }))
      .threadId;
  const threads = {
    general: await t('a1', forums.general!, 'general'),
    qa: await t('tutorA', forums.qa!, 'question'),
    separateA: await t('a1', separate, 'separate-a'),
    separateB: await t('b1', separate, 'separate-b'),
    separateAll: await t('manager', separate, 'separate-all'),
    groupA: await t('a2', forums[`group:${w.groupA}`]!, 'group-a'),
    groupB: await t('b1', forums[`group:${w.groupB}`]!, 'group-b'),
  };
  await replyToThread(app, actors.b1, cohortId, { threadId: threads.qa, body: 'zebra answer of b1' });
  await replyToThread(app, actors.tutorB, cohortId, {
    threadId: threads.groupB,
    body: 'zebra reply of tutor B',
  });
  await replyToThread(app, actors.tutorA, cohortId, {
    threadId: threads.separateA,
    body: 'zebra reply in A',
  });
  return threads;
}

const READERS = ['a1', 'a2', 'b1', 'loner', 'tutorA', 'tutorB', 'manager', 'admin'] as const;

forEachDialect((ctx) => {
  describe('group isolation', () => {
    it('never shows a learner of group A what belongs to group B: by forum, thread or group page id, or by search', async () => {
      const w = await setUpForumWorld(ctx);
      const threads = await populate(w);
      const { app, cohortId, actors } = w;
      await expect(
        getForumPage(app, actors.a1, cohortId, w.forums[`group:${w.groupB}`]!, 1, 'en'),
      ).rejects.toThrow(NotFoundError);
      for (const id of [threads.groupB, threads.separateB])
        await expect(getThreadPage(app, actors.a1, cohortId, id, 'en')).rejects.toThrow(NotFoundError);
      await expect(getGroupWorkspace(app, actors.a1, cohortId, w.groupB, 'en')).rejects.toThrow(
        NotFoundError,
      );
      // Replying, by id, is refused the same way.
      await expect(
        replyToThread(app, actors.a1, cohortId, { threadId: threads.groupB, body: 'x' }),
      ).rejects.toThrow(NotFoundError);
      const found = await searchForums(app, actors.a1, cohortId, 'zebra', 'en');
      expect(found.hits.map((h) => h.threadTitle).sort()).toEqual([
        'general',
        'group-a',
        'question',
        'separate-a',
        'separate-a',
        'separate-all',
      ]);
      expect(JSON.stringify(found)).not.toMatch(/group-b|separate-b|answer of b1|tutor B/);
      // A learner without a group sees neither group's things.
      const loner = await searchForums(app, actors.loner, cohortId, 'zebra', 'en');
      expect(loner.hits.map((h) => h.threadTitle).sort()).toEqual(['general', 'question', 'separate-all']);
      // Another cohort's learner gets nothing at all.
      await expect(searchForums(app, actors.otherCohort, cohortId, 'zebra', 'en')).rejects.toThrow(
        NotFoundError,
      );
      await expect(getThreadPage(app, actors.otherCohort, cohortId, threads.general, 'en')).rejects.toThrow(
        NotFoundError,
      );
      await expect(getThreadPage(app, actors.a1, w.otherCohortId, threads.general, 'en')).rejects.toThrow(
        NotFoundError,
      );
    });

    it('shows everyone exactly what the policy allows, in lists, counts, search and pages (the SQL agrees with can())', async () => {
      const w = await setUpForumWorld(ctx);
      const threads = await populate(w);
      const { app, cohortId, actors } = w;
      const posts = await ctx.db
        .selectFrom('forum_posts')
        .select(['id', 'thread_id', 'number', 'author_id'])
        .where('cohort_id', '=', cohortId)
        .execute();
      for (const who of READERS) {
        const fc = await loadForumsContext(ctx.db, actors[who], cohortId);
        const allowedPosts = new Set<string>();
        const allowedThreads = new Set<string>();
        for (const threadId of Object.values(threads)) {
          const row = (await findThreadWithForum(ctx.db, cohortId, threadId))!;
          const access = threadAccessOf(
            fc,
            row,
            await hasPostedInThread(ctx.db, threadId, actors[who].userId),
          );
          if (!can(actors[who], 'thread.read', access)) continue;
          allowedThreads.add(threadId);
          const replies = can(actors[who], 'thread.read-replies', access);
          for (const p of posts.filter((p) => p.thread_id === threadId))
            if (p.number === 1 || replies || p.author_id === actors[who].userId) allowedPosts.add(p.id);
        }
        const hits = await searchForums(app, actors[who], cohortId, 'zebra', 'en');
        expect(new Set(hits.hits.map((h) => h.postId)), who).toEqual(allowedPosts);
        for (const threadId of Object.values(threads)) {
          const page = getThreadPage(app, actors[who], cohortId, threadId, 'en');
          if (allowedThreads.has(threadId))
            expect(new Set((await page).posts.map((p) => p.id)), `${who} ${threadId}`).toEqual(
              new Set(
                posts.filter((p) => p.thread_id === threadId && allowedPosts.has(p.id)).map((p) => p.id),
              ),
            );
          else await expect(page, `${who} ${threadId}`).rejects.toThrow(NotFoundError);
        }
        const index = await listForums(app, actors[who], cohortId, 'en');
        const listed = index.forums.reduce((n, f) => n + f.threads, 0);
        expect(listed, who).toBe(allowedThreads.size);
      }
    });

    it('opens a group’s page to its learners and all staff only', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors } = w;
      for (const who of ['a1', 'a2', 'tutorA', 'tutorB', 'manager', 'admin'] as const)
        await expect(
          getGroupWorkspace(app, actors[who], cohortId, w.groupA, 'en'),
          who,
        ).resolves.toHaveProperty('group.name', 'Group A');
      for (const who of ['b1', 'loner', 'outsider', 'otherCohort', 'withdrawn', 'waitlisted'] as const)
        await expect(getGroupWorkspace(app, actors[who], cohortId, w.groupA, 'en'), who).rejects.toThrow();
      const page = await getGroupWorkspace(app, actors.a1, cohortId, w.groupA, 'fr');
      expect(page.members.map((m) => m.name)).toEqual(['Amir Learner', 'Ana Learner']);
      expect(page.tutor?.name).toBe('Tariq Tutor');
      expect(page.exercises).toEqual([
        expect.objectContaining({
          title: 'Comparer deux sources',
          dueDate: '2026-03-11',
          dueTime: '18:00',
          dueAt: '2026-03-11T18:00:00.000Z',
          assignmentId: 'w2-compare-sources',
          discussion: null,
        }),
      ]);
    });
  });
});
