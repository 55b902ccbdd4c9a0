import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import {
  ConflictError,
  DomainValidationError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
} from '../errors/domain-errors.ts';
import { listForums, getForumPage } from './forum.queries.ts';
import { FORUM_LIMITS } from './forum.schema.ts';
import { setForumGroupMode } from './forum-settings.commands.ts';
import { editPost, replyToThread, startThread } from './thread.commands.ts';
import { getThreadPage } from './thread.queries.ts';
import { setUpForumWorld } from './testing/forum-world.ts';
import { busListening, eventCollector } from '../events/testing/event-collector.ts';
import { liveTopics } from '../events/topics.ts';
import { removePost } from './moderation.commands.ts';
import { threadLiveTopic } from './forum-live.ts';
import { acceptUpload } from '../files/upload.commands.ts';
import { findReadableAttachment } from './thread.queries.ts';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';

forEachDialect((ctx) => {
  describe('the forums of a cohort', () => {
    it('makes the standard forums once, even for requests at once, with the module prompt in the reader’s language', async () => {
      const w = await setUpForumWorld(ctx);
      await Promise.all([1, 2, 3].map(() => listForums(w.app, w.actors.a1, w.cohortId, 'fr')));
      const slots = await ctx.db
        .selectFrom('forums')
        .select('slot')
        .where('cohort_id', '=', w.cohortId)
        .execute();
      expect(slots.map((s) => s.slot).sort()).toEqual(
        [
          'announcements',
          'general',
          'qa',
          'module:01-alpha',
          'module:02-beta',
          `group:${w.groupA}`,
          `group:${w.groupB}`,
        ].sort(),
      );
      const fr = await listForums(w.app, w.actors.a1, w.cohortId, 'fr');
      expect(fr.forums.map((f) => f.label)).toEqual([
        'Annonces',
        'Discussion générale',
        'Questions et réponses',
        'Module 1 · Module 01-alpha',
        'Module 2 · Module 02-beta',
        'Groupe Group A',
      ]);
      expect(fr.forums.find((f) => f.kind === 'module')!.introHtml).toBe(
        '<p>Quelle <strong>source</strong> votre pays utilise-t-il ?</p>\n',
      );
      expect(fr.ownGroup?.name).toBe('Group A');
      // Staff see every group's forum.
      const staff = await listForums(w.app, w.actors.tutorB, w.cohortId, 'en');
      expect(staff.forums.filter((f) => f.kind === 'group').map((f) => f.label)).toEqual([
        'Group Group A',
        'Group Group B',
      ]);
    });

    it('lets nobody outside the cohort in, nor waitlisted or withdrawn members', async () => {
      const w = await setUpForumWorld(ctx);
      for (const who of ['outsider', 'otherCohort'] as const)
        await expect(listForums(w.app, w.actors[who], w.cohortId, 'en')).rejects.toThrow(NotFoundError);
      for (const who of ['waitlisted', 'withdrawn'] as const)
        await expect(listForums(w.app, w.actors[who], w.cohortId, 'en')).rejects.toThrow(ForbiddenError);
      await expect(listForums(w.app, { kind: 'anonymous' }, w.cohortId, 'en')).rejects.toThrow(
        UnauthenticatedError,
      );
      await expect(listForums(w.app, w.actors.admin, w.cohortId, 'en')).resolves.toHaveProperty(
        'canManage',
        true,
      );
    });
  });

  describe('startThread and replyToThread', () => {
    it('posts a discussion and replies in order, quoting, with unread counts for others', async () => {
      const w = await setUpForumWorld(ctx);
      const general = w.forums.general!;
      const t = await startThread(w.app, w.actors.a1, w.cohortId, {
        forumId: general,
        title: 'LFS sources',
        body: 'Which **source**?',
      });
      const r1 = await replyToThread(w.app, w.actors.b1, w.cohortId, {
        threadId: t.threadId,
        body: 'The LFS.',
      });
      const r2 = await replyToThread(w.app, w.actors.a2, w.cohortId, {
        threadId: t.threadId,
        body: 'Agreed',
        replyToId: r1.postId,
      });
      expect([t.number, r1.number, r2.number]).toEqual([1, 2, 3]);
      const forum = await getForumPage(w.app, w.actors.a1, w.cohortId, general, 1, 'en');
      expect(forum.threads.map((x) => [x.title, x.posts, x.unread])).toEqual([['LFS sources', 3, 2]]);
      const page = await getThreadPage(w.app, w.actors.a1, w.cohortId, t.threadId, 'en');
      expect(page.posts.map((p) => [p.number, p.author.name, p.unread])).toEqual([
        [1, 'Ana Learner', false],
        [2, 'Ben Learner', true],
        [3, 'Amir Learner', true],
      ]);
      expect(page.posts[0]!.html).toBe('<p>Which <strong>source</strong>?</p>\n');
      expect(page.posts[2]!.replyTo).toEqual({ number: 2, author: 'Ben Learner', excerpt: 'The LFS.' });
      // Reading marked it read.
      const after = await getForumPage(w.app, w.actors.a1, w.cohortId, general, 1, 'en');
      expect(after.threads[0]!.unread).toBe(0);
      expect(
        (await listForums(w.app, w.actors.tutorA, w.cohortId, 'en')).forums.find((f) => f.id === general)!
          .unread,
      ).toBe(3);
    });

    it('tells the pages that have a discussion open of each change after it commits (ids only), and nothing of a refused post', async () => {
      const w = await setUpForumWorld(ctx);
      const t = await startThread(w.app, w.actors.a1, w.cohortId, {
        forumId: w.forums.general!,
        title: 'Live',
        body: 'First',
      });
      const page = eventCollector();
      const forums = eventCollector();
      const subs = [
        w.app.events.subscribe([liveTopics.thread(t.threadId)], page.handlers),
        w.app.events.subscribe([liveTopics.cohortForum(w.cohortId)], forums.handlers),
      ];
      await busListening(w.app.events);
      const r = await replyToThread(w.app, w.actors.b1, w.cohortId, { threadId: t.threadId, body: 'Second' });
      await expect(
        replyToThread(w.app, w.actors.b1, w.cohortId, { threadId: t.threadId, body: ' ' }),
      ).rejects.toThrow();
      await editPost(w.app, w.actors.b1, w.cohortId, {
        threadId: t.threadId,
        postId: r.postId,
        body: 'Second!',
      });
      await removePost(w.app, w.actors.tutorA, w.cohortId, {
        threadId: t.threadId,
        postId: r.postId,
        reason: 'Off topic.',
      });
      // The in-process bus delivers on a later tick: the discussion's own first event may still arrive.
      const of = (c: typeof page) => c.events.filter((e) => e.data.postId !== t.postId);
      await page.until(() => of(page).length >= 3);
      await forums.until(() => of(forums).length >= 3);
      expect(of(page).map((e) => [e.type, e.data])).toEqual([
        ['post.created', { threadId: t.threadId, postId: r.postId, number: 2 }],
        ['post.edited', { threadId: t.threadId, postId: r.postId, number: 0 }],
        ['post.removed', { threadId: t.threadId, postId: r.postId, number: 0 }],
      ]);
      expect(JSON.stringify(page.events)).not.toContain('Second');
      expect(of(forums).map((e) => e.type)).toEqual(['post.created', 'post.edited', 'post.removed']);
      for (const s of subs) s.close();
      // A group's discussion: its stream opens for its own people and staff only, "not found" to the others.
      const g = await startThread(w.app, w.actors.a2, w.cohortId, {
        forumId: w.forums[`group:${w.groupA}`]!,
        title: 'Plan',
        body: 'x',
      });
      for (const who of ['a1', 'a2', 'tutorA', 'tutorB', 'manager'] as const)
        expect(await threadLiveTopic(w.app, w.actors[who], w.cohortId, g.threadId)).toBe(
          `thread:${g.threadId}`,
        );
      for (const who of ['b1', 'loner', 'outsider', 'otherCohort'] as const)
        await expect(threadLiveTopic(w.app, w.actors[who], w.cohortId, g.threadId)).rejects.toMatchObject({
          code: expect.stringMatching(/^(forum\.thread_not_found|cohort\.not_found)$/),
        });
      await expect(threadLiveTopic(w.app, w.actors.withdrawn, w.cohortId, g.threadId)).rejects.toThrow(
        ForbiddenError,
      );
    });

    it('attaches the poster’s own uploads to a post, shows them to those who may read it, and lends nobody’s file to another post', async () => {
      const w = await setUpForumWorld(ctx);
      const png = readFileSync(new URL('../files/fixtures/sample.png', import.meta.url));
      const upload = async (who: 'a1' | 'b1', name: string) =>
        (
          await acceptUpload(w.app, {
            purpose: 'forum-attachment',
            filename: name,
            source: Readable.from([png]),
            ownerId: w.users[who].id,
          })
        ).file.id;
      const t = await startThread(w.app, w.actors.a1, w.cohortId, {
        forumId: w.forums[`group:${w.groupA}`]!,
        title: 'Our chart',
        body: 'See the chart.',
        fileIds: [await upload('a1', 'chart.pdf')],
      });
      const page = await getThreadPage(w.app, w.actors.a2, w.cohortId, t.threadId, 'en');
      expect(page.posts[0]!.attachments).toEqual([
        { id: expect.any(String), name: 'chart.png', type: 'png', mediaType: 'image/png', size: png.length },
      ]);
      const fileId = page.posts[0]!.attachments[0]!.id;
      expect(await findReadableAttachment(w.app, w.actors.tutorA, w.cohortId, t.threadId, fileId)).toBe(
        fileId,
      );
      for (const who of ['b1', 'loner', 'outsider'] as const)
        await expect(
          findReadableAttachment(w.app, w.actors[who], w.cohortId, t.threadId, fileId),
        ).rejects.toBeInstanceOf(who === 'outsider' ? NotFoundError : Error);
      // A file already kept, or someone else's upload, cannot be attached again; nothing is posted.
      const bens = await upload('b1', 'ben.png');
      for (const fileIds of [[fileId], [bens], ['no-such-file']])
        await expect(
          replyToThread(w.app, w.actors.a1, w.cohortId, { threadId: t.threadId, body: 'Again', fileIds }),
        ).rejects.toMatchObject({ code: 'forum.files_unknown', fields: { files: 'forum.files_unknown' } });
      expect((await getThreadPage(w.app, w.actors.a1, w.cohortId, t.threadId, 'en')).posts).toHaveLength(1);
      // Another discussion's file id does not open through this one.
      const other = await startThread(w.app, w.actors.a1, w.cohortId, {
        forumId: w.forums.general!,
        title: 'Elsewhere',
        body: 'x',
      });
      await expect(
        findReadableAttachment(w.app, w.actors.a1, w.cohortId, other.threadId, fileId),
      ).rejects.toMatchObject({ code: 'forum.file_not_found' });
    });

    it('numbers replies sent at the same moment without gaps or doubles', async () => {
      const w = await setUpForumWorld(ctx);
      const t = await startThread(w.app, w.actors.tutorA, w.cohortId, {
        forumId: w.forums.general!,
        title: 'Go',
        body: 'Go',
      });
      const people = ['a1', 'a2', 'b1', 'loner', 'tutorB', 'manager'] as const;
      const refs = await Promise.all(
        people.map((p) => replyToThread(w.app, w.actors[p], w.cohortId, { threadId: t.threadId, body: p })),
      );
      expect(refs.map((r) => r.number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    });

    it('lets only staff start announcements and Q&A questions, and nobody but staff reply to announcements', async () => {
      const w = await setUpForumWorld(ctx);
      for (const forum of ['announcements', 'qa'])
        await expect(
          startThread(w.app, w.actors.a1, w.cohortId, { forumId: w.forums[forum]!, title: 'x', body: 'y' }),
        ).rejects.toMatchObject({ code: 'forum.cannot_start' });
      const news = await startThread(w.app, w.actors.manager, w.cohortId, {
        forumId: w.forums.announcements!,
        title: 'Welcome',
        body: 'Hi',
      });
      await expect(
        replyToThread(w.app, w.actors.a1, w.cohortId, { threadId: news.threadId, body: 'Thanks' }),
      ).rejects.toMatchObject({
        code: 'forum.cannot_reply',
      });
      await expect(
        replyToThread(w.app, w.actors.tutorA, w.cohortId, { threadId: news.threadId, body: 'Welcome too' }),
      ).resolves.toHaveProperty('number', 2);
    });

    it('in a Q&A forum shows a learner the others’ replies only after they posted one', async () => {
      const w = await setUpForumWorld(ctx);
      const q = await startThread(w.app, w.actors.tutorA, w.cohortId, {
        forumId: w.forums.qa!,
        title: 'Define a migrant worker',
        body: 'In your words.',
      });
      await replyToThread(w.app, w.actors.b1, w.cohortId, { threadId: q.threadId, body: 'Answer of Ben' });
      await replyToThread(w.app, w.actors.tutorB, w.cohortId, { threadId: q.threadId, body: 'Model answer' });
      const before = await getThreadPage(w.app, w.actors.a1, w.cohortId, q.threadId, 'en');
      expect(before.posts.map((p) => p.number)).toEqual([1]);
      expect(before.repliesHidden).toBe(true);
      expect(before.canReply).toBe(true);
      await replyToThread(w.app, w.actors.a1, w.cohortId, { threadId: q.threadId, body: 'Answer of Ana' });
      const after = await getThreadPage(w.app, w.actors.a1, w.cohortId, q.threadId, 'en');
      expect(after.posts.map((p) => p.author.name)).toEqual([
        'Tariq Tutor',
        'Ben Learner',
        'Tess Tutor',
        'Ana Learner',
      ]);
      expect(after.repliesHidden).toBe(false);
      // A quote of a hidden reply is refused to someone who has not posted.
      const benPost = after.posts[1]!.id;
      await expect(
        replyToThread(w.app, w.actors.a2, w.cohortId, {
          threadId: q.threadId,
          body: 'x',
          replyToId: benPost,
        }),
      ).rejects.toThrow(ConflictError);
    });

    it('in a separate-groups forum gives a learner’s discussion to their group, and a learner without a group cannot start one', async () => {
      const w = await setUpForumWorld(ctx);
      const forumId = w.forums['module:01-alpha']!;
      await setForumGroupMode(w.app, w.actors.tutorA, w.cohortId, { forumId, mode: 'separate' });
      const t = await startThread(w.app, w.actors.a1, w.cohortId, { forumId, title: 'A only', body: 'x' });
      const row = await ctx.db
        .selectFrom('forum_threads')
        .select('group_id')
        .where('id', '=', t.threadId)
        .executeTakeFirstOrThrow();
      expect(row.group_id).toBe(w.groupA);
      await expect(
        startThread(w.app, w.actors.loner, w.cohortId, { forumId, title: 'x', body: 'y' }),
      ).rejects.toMatchObject({
        code: 'forum.no_group',
      });
      const page = await getForumPage(w.app, w.actors.loner, w.cohortId, forumId, 1, 'en');
      expect(page.start).toEqual({ allowed: false, needsGroup: true, groupChoices: null });
      const staff = await getForumPage(w.app, w.actors.tutorB, w.cohortId, forumId, 1, 'en');
      expect(staff.start.groupChoices?.map((g) => g.name)).toEqual(['Group A', 'Group B']);
    });

    it('refuses an empty or oversized post with the field named, and stores nothing', async () => {
      const w = await setUpForumWorld(ctx);
      const forumId = w.forums.general!;
      for (const body of ['   ', 'x'.repeat(FORUM_LIMITS.bodyMax + 1)]) {
        const error = await startThread(w.app, w.actors.a1, w.cohortId, { forumId, title: 'T', body }).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DomainValidationError);
        expect(Object.keys((error as DomainValidationError).fields ?? {})).toEqual(['body']);
      }
      await expect(
        startThread(w.app, w.actors.a1, w.cohortId, {
          forumId,
          title: 'T',
          body: 'x'.repeat(FORUM_LIMITS.bodyMax),
        }),
      ).resolves.toHaveProperty('number', 1);
      expect(await ctx.db.selectFrom('forum_posts').select('id').execute()).toHaveLength(1);
    });

    it('holds the posting rate limit under concurrent posts (new discussions: no thread lock serialises them)', async () => {
      const w = await setUpForumWorld(ctx);
      const t = await startThread(w.app, w.actors.tutorA, w.cohortId, {
        forumId: w.forums.general!,
        title: 'Go',
        body: 'Go',
      });
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          startThread(w.app, w.actors.a1, w.cohortId, {
            forumId: w.forums.general!,
            title: `T${i}`,
            body: `#${i}`,
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(FORUM_LIMITS.ratePosts);
      for (const r of results.filter((r) => r.status === 'rejected'))
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RateLimitedError);
      // A minute later the learner may post again.
      w.app.clock.advance(FORUM_LIMITS.rateWindowSeconds * 1000 + 1);
      await expect(
        replyToThread(w.app, w.actors.a1, w.cohortId, { threadId: t.threadId, body: 'again' }),
      ).resolves.toBeDefined();
    });
  });

  describe('editPost', () => {
    it('lets an author change their post within the window, and moderators any time (shown as changed by them)', async () => {
      const w = await setUpForumWorld(ctx);
      const t = await startThread(w.app, w.actors.a1, w.cohortId, {
        forumId: w.forums.general!,
        title: 'Old title',
        body: 'v1',
      });
      w.app.clock.advance((FORUM_LIMITS.editWindowMinutes - 1) * 60_000);
      await editPost(w.app, w.actors.a1, w.cohortId, {
        threadId: t.threadId,
        postId: t.postId,
        body: 'v2',
        title: 'New title',
      });
      w.app.clock.advance(2 * 60_000);
      await expect(
        editPost(w.app, w.actors.a1, w.cohortId, { threadId: t.threadId, postId: t.postId, body: 'v3' }),
      ).rejects.toMatchObject({ code: 'forum.edit_window_closed' });
      await expect(
        editPost(w.app, w.actors.b1, w.cohortId, { threadId: t.threadId, postId: t.postId, body: 'hacked' }),
      ).rejects.toMatchObject({ code: 'forum.cannot_edit' });
      await editPost(w.app, w.actors.tutorB, w.cohortId, {
        threadId: t.threadId,
        postId: t.postId,
        body: 'v4 (tidied)',
      });
      const page = await getThreadPage(w.app, w.actors.b1, w.cohortId, t.threadId, 'en');
      expect(page.thread.title).toBe('New title');
      expect(page.posts[0]).toMatchObject({
        html: '<p>v4 (tidied)</p>\n',
        editedBy: 'Tess Tutor',
        canEdit: false,
      });
    });
  });
});
