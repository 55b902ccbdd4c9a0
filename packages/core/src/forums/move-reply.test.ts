import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { busListening, eventCollector } from '../events/testing/event-collector.ts';
import { liveTopics } from '../events/topics.ts';
import { moveReply } from './moderation.commands.ts';
import { replyToThread, startThread } from './thread.commands.ts';
import { getThreadPage } from './thread.queries.ts';
import { setUpForumWorld } from './testing/forum-world.ts';

forEachDialect((ctx) => {
  describe('moving one reply', () => {
    it('moves a reply to another discussion as its latest post; only moderators of both; never the first post', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors } = w;
      const from = await startThread(app, actors.a1, cohortId, {
        forumId: w.forums.general!,
        title: 'Week 1 sources',
        body: 'Which table?',
      });
      const to = await startThread(app, actors.a2, cohortId, {
        forumId: w.forums['module:01-alpha']!,
        title: 'Module 1 prompt',
        body: 'Our source is the LFS.',
      });
      await replyToThread(app, actors.b1, cohortId, { threadId: to.threadId, body: 'Ours too.' });
      app.clock.advance(60_000);
      const stray = await replyToThread(app, actors.b1, cohortId, {
        threadId: from.threadId,
        body: 'Answer to the module 1 prompt: the census.',
      });
      const quoting = await replyToThread(app, actors.a1, cohortId, {
        threadId: from.threadId,
        body: 'Wrong discussion?',
        replyToId: stray.postId,
      });
      const move = { threadId: from.threadId, postId: stray.postId, toThreadId: to.threadId };
      await expect(moveReply(app, actors.a1, cohortId, move)).rejects.toThrow(ForbiddenError);
      await expect(moveReply(app, actors.outsider, cohortId, move)).rejects.toThrow(NotFoundError);
      await expect(
        moveReply(app, actors.tutorA, cohortId, { ...move, postId: from.postId }),
      ).rejects.toMatchObject({ code: 'forum.move_first_post' });
      await expect(
        moveReply(app, actors.tutorA, cohortId, { ...move, toThreadId: from.threadId }),
      ).rejects.toMatchObject({ code: 'forum.move_same_thread' });
      // Group A's tutor reads group B's forum but does not moderate it: no moving a reply there.
      const groupB = await startThread(app, actors.b1, cohortId, {
        forumId: w.forums[`group:${w.groupB}`]!,
        title: 'Group B only',
        body: 'Hello B',
      });
      await expect(
        moveReply(app, actors.tutorA, cohortId, { ...move, toThreadId: groupB.threadId }),
      ).rejects.toThrow(ForbiddenError);

      const events = eventCollector();
      const sub = app.events.subscribe(
        [liveTopics.thread(from.threadId), liveTopics.thread(to.threadId)],
        events.handlers,
      );
      await busListening(app.events);
      const moved = await moveReply(app, actors.tutorA, cohortId, move);
      expect(moved).toEqual({ threadId: to.threadId, postId: stray.postId, number: 3 });
      const source = await getThreadPage(app, actors.tutorB, cohortId, from.threadId, 'en');
      expect(source.posts.map((p) => p.number)).toEqual([1, 3]);
      expect(source.posts.find((p) => p.id === quoting.postId)!.replyTo).toBeNull();
      const target = await getThreadPage(app, actors.tutorB, cohortId, to.threadId, 'en');
      expect(target.posts.map((p) => [p.number, p.author.name])).toEqual([
        [1, w.users.a2.name],
        [2, w.users.b1.name],
        [3, w.users.b1.name],
      ]);
      expect(target.posts[2]!.html).toContain('the census');
      // The source discussion goes on numbering after the gap, and the reply is no longer there to move.
      await replyToThread(app, actors.a1, cohortId, { threadId: from.threadId, body: 'Thanks.' });
      await expect(moveReply(app, actors.tutorA, cohortId, move)).rejects.toThrow(NotFoundError);
      await events.until(() => events.events.length >= 2);
      expect(events.events.map((e) => [e.topic, e.type])).toEqual(
        expect.arrayContaining([
          [liveTopics.thread(from.threadId), 'post.removed'],
          [liveTopics.thread(to.threadId), 'post.created'],
        ]),
      );
      sub.close();
    });
  });
});
