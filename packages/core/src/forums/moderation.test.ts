import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import {
  ConflictError,
  DomainValidationError,
  ForbiddenError,
  NotFoundError,
} from '../errors/domain-errors.ts';
import { getNotificationsPage } from '../notifications/notification.queries.ts';
import { FORUM_LIMITS } from './forum.schema.ts';
import { getForumPage } from './forum.queries.ts';
import { moveThread, removePost, setThreadLocked, setThreadPinned } from './moderation.commands.ts';
import { replyToThread, startThread } from './thread.commands.ts';
import { getThreadPage } from './thread.queries.ts';
import { setUpForumWorld } from './testing/forum-world.ts';
import { sendQueuedMail } from '../jobs/testing/queued-mail.ts';

forEachDialect((ctx) => {
  describe('moderation', () => {
    it('removes a post with a reason the author is told (notification and mail), and withdraws its notifications', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors } = w;
      const t = await startThread(app, actors.tutorA, cohortId, {
        forumId: w.forums.general!,
        title: 'Sources',
        body: 'Which?',
      });
      const bad = await replyToThread(app, actors.b1, cohortId, {
        threadId: t.threadId,
        body: 'Buy cheap watches',
      });
      const before = await ctx.db
        .selectFrom('notifications')
        .select('id')
        .where('source_id', '=', bad.postId)
        .execute();
      expect(before.length).toBeGreaterThan(0);
      await expect(
        removePost(app, actors.tutorB, cohortId, { threadId: t.threadId, postId: bad.postId, reason: '' }),
      ).rejects.toThrow(DomainValidationError);
      await expect(
        removePost(app, actors.a1, cohortId, { threadId: t.threadId, postId: bad.postId, reason: 'spam' }),
      ).rejects.toThrow(ForbiddenError);
      await sendQueuedMail(app);
      app.sent.length = 0;
      await removePost(app, actors.tutorB, cohortId, {
        threadId: t.threadId,
        postId: bad.postId,
        reason: 'Advertising is not allowed.',
      });
      await sendQueuedMail(app);
      expect(
        await ctx.db
          .selectFrom('notifications')
          .select('id')
          .where('source_id', '=', bad.postId)
          .where('kind', '=', 'forum.post')
          .execute(),
      ).toEqual([]);
      const told = await getNotificationsPage(app, actors.b1, 'en');
      expect(told.items[0]).toMatchObject({
        kind: 'forum.post_removed',
        reason: 'Advertising is not allowed.',
        author: 'Tess Tutor',
      });
      expect(app.sent.map((m) => [m.to, m.kind])).toEqual([
        ['ben.learner@example.org', 'forum-post-removed'],
      ]);
      expect(app.sent[0]!.text).toContain('Advertising is not allowed.');
      const page = await getThreadPage(app, actors.a1, cohortId, t.threadId, 'en');
      expect(page.posts[1]).toMatchObject({ html: null, removed: { byModerator: true, reason: null } });
      const own = await getThreadPage(app, actors.b1, cohortId, t.threadId, 'en');
      expect(own.posts[1]!.removed).toEqual({ byModerator: true, reason: 'Advertising is not allowed.' });
    });

    it('lets authors remove their own post within the window, not a discussion others replied to', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors } = w;
      const t = await startThread(app, actors.a1, cohortId, {
        forumId: w.forums.general!,
        title: 'Mine',
        body: 'x',
      });
      const r = await replyToThread(app, actors.b1, cohortId, { threadId: t.threadId, body: 'reply' });
      await expect(
        removePost(app, actors.a1, cohortId, { threadId: t.threadId, postId: t.postId }),
      ).rejects.toMatchObject({
        code: 'forum.thread_has_replies',
      });
      app.clock.advance(FORUM_LIMITS.editWindowMinutes * 60_000 + 1);
      await expect(
        removePost(app, actors.b1, cohortId, { threadId: t.threadId, postId: r.postId }),
      ).rejects.toThrow(ConflictError);
      const t2 = await startThread(app, actors.a1, cohortId, {
        forumId: w.forums.general!,
        title: 'Oops',
        body: 'x',
      });
      expect(
        await removePost(app, actors.a1, cohortId, { threadId: t2.threadId, postId: t2.postId }),
      ).toEqual({ threadRemoved: true });
      await expect(getThreadPage(app, actors.a1, cohortId, t2.threadId, 'en')).rejects.toThrow(NotFoundError);
    });

    it('locks, pins and moves discussions (moderators only; a group forum’s own tutor, not another group’s)', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors } = w;
      const older = await startThread(app, actors.a1, cohortId, {
        forumId: w.forums.general!,
        title: 'Older',
        body: 'x',
      });
      app.clock.advance(60_000);
      await startThread(app, actors.a2, cohortId, { forumId: w.forums.general!, title: 'Newer', body: 'x' });
      await setThreadPinned(app, actors.tutorA, cohortId, { threadId: older.threadId, on: '1' });
      const list = await getForumPage(app, actors.b1, cohortId, w.forums.general!, 1, 'en');
      expect(list.threads.map((t) => [t.title, t.pinned])).toEqual([
        ['Older', true],
        ['Newer', false],
      ]);
      await setThreadLocked(app, actors.tutorA, cohortId, { threadId: older.threadId, on: 'true' });
      await expect(
        replyToThread(app, actors.b1, cohortId, { threadId: older.threadId, body: 'x' }),
      ).rejects.toMatchObject({
        code: 'forum.locked',
      });
      await expect(
        replyToThread(app, actors.tutorB, cohortId, { threadId: older.threadId, body: 'Closing note' }),
      ).resolves.toBeDefined();
      await expect(
        setThreadLocked(app, actors.a1, cohortId, { threadId: older.threadId, on: '0' }),
      ).rejects.toThrow(ForbiddenError);
      // Group A's forum: tutor A moderates, tutor B does not.
      const inA = await startThread(app, actors.a1, cohortId, {
        forumId: w.forums[`group:${w.groupA}`]!,
        title: 'Plan',
        body: 'x',
      });
      await expect(
        setThreadPinned(app, actors.tutorB, cohortId, { threadId: inA.threadId, on: '1' }),
      ).rejects.toThrow(ForbiddenError);
      await setThreadPinned(app, actors.tutorA, cohortId, { threadId: inA.threadId, on: '1' });
      // Moving a general discussion into group B's forum: tutor A may not moderate there; the manager may.
      await expect(
        moveThread(app, actors.tutorA, cohortId, {
          threadId: older.threadId,
          forumId: w.forums[`group:${w.groupB}`]!,
        }),
      ).rejects.toThrow(ForbiddenError);
      await expect(
        moveThread(app, actors.manager, cohortId, { threadId: older.threadId, forumId: w.forums.general! }),
      ).rejects.toMatchObject({
        code: 'forum.move_same_forum',
      });
      await moveThread(app, actors.manager, cohortId, {
        threadId: older.threadId,
        forumId: w.forums[`group:${w.groupB}`]!,
      });
      await expect(getThreadPage(app, actors.a1, cohortId, older.threadId, 'en')).rejects.toThrow(
        NotFoundError,
      );
      const moved = await getThreadPage(app, actors.b1, cohortId, older.threadId, 'en');
      expect(moved.forum.kind).toBe('group');
      expect(moved.thread.group?.name).toBe('Group B');
    });
  });
});
