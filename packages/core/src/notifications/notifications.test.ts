import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { NotFoundError } from '../errors/domain-errors.ts';
import { setSubscription } from '../forums/forum-settings.commands.ts';
import { replyToThread, startThread } from '../forums/thread.commands.ts';
import { getThreadPage } from '../forums/thread.queries.ts';
import { setUpForumWorld, type ForumPerson, type ForumWorld } from '../forums/testing/forum-world.ts';
import { markNotificationRead, setEmailMode, unsubscribeByLink } from './notification.commands.ts';
import { countMyUnreadNotifications, getNotificationsPage } from './notification.queries.ts';
import { sendQueuedMail } from '../jobs/testing/queued-mail.ts';

async function notified(w: ForumWorld, sourceId: string): Promise<ForumPerson[]> {
  const rows = await w.app.db
    .selectFrom('notifications')
    .select('user_id')
    .where('source_id', '=', sourceId)
    .execute();
  const byId = new Map(Object.entries(w.users).map(([k, u]) => [u.id, k as ForumPerson]));
  return rows.map((r) => byId.get(r.user_id)!).sort();
}

forEachDialect((ctx) => {
  describe('notifications of new posts', () => {
    it('tells everyone active about an announcement, by mail as each chose (digest by default)', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors } = w;
      await setEmailMode(app, actors.a2, { cohortId, mode: 'each' });
      await setEmailMode(app, actors.loner, { cohortId, mode: 'off' });
      const post = await startThread(app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'Week 2 opens',
        body: 'Read **module 3** first.',
      });
      expect(await notified(w, post.postId)).toEqual(['a1', 'a2', 'b1', 'loner', 'tutorA', 'tutorB']);
      expect(app.sent).toEqual([]); // queued with the post, sent by the job runner
      await sendQueuedMail(app);
      const states = await ctx.db
        .selectFrom('notifications')
        .select(['user_id', 'mail_state'])
        .where('source_id', '=', post.postId)
        .execute();
      const stateOf = (who: ForumPerson) => states.find((s) => s.user_id === w.users[who].id)?.mail_state;
      expect([stateOf('a1'), stateOf('a2'), stateOf('loner')]).toEqual(['digest', 'sent', 'none']);
      expect(app.sent.map((m) => m.to)).toEqual(['amir.learner@example.org']);
      const mail = app.sent[0]!;
      expect(mail.subject).toBe('[Spring 2026] Announcement: Week 2 opens');
      expect(mail.text).toContain('Read **module 3** first.');
      expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.headers?.['List-Unsubscribe']).toMatch(
        /^<http:\/\/127\.0\.0\.1:3000\/notifications\/unsubscribe\?u=.+&c=.+&t=.+>$/,
      );
      expect(await countMyUnreadNotifications(app, actors.a1)).toBe(1);
    });

    it('tells followers of a discussion or forum, a group’s forum to its own people, and nobody what they cannot read', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors } = w;
      await setSubscription(app, actors.tutorB, cohortId, { forumId: w.forums.general!, subscribed: '1' });
      const t = await startThread(app, actors.a1, cohortId, {
        forumId: w.forums.general!,
        title: 'Q',
        body: 'x',
      });
      expect(await notified(w, t.postId)).toEqual(['tutorB']);
      const r = await replyToThread(app, actors.b1, cohortId, { threadId: t.threadId, body: 'y' });
      expect(await notified(w, r.postId)).toEqual(['a1', 'tutorB']);
      await setSubscription(app, actors.a1, cohortId, { threadId: t.threadId, subscribed: '0' });
      const r2 = await replyToThread(app, actors.a2, cohortId, { threadId: t.threadId, body: 'z' });
      expect(await notified(w, r2.postId)).toEqual(['b1', 'tutorB']);
      // Group A's forum: its learners and its tutor, nobody of group B.
      const g = await startThread(app, actors.a2, cohortId, {
        forumId: w.forums[`group:${w.groupA}`]!,
        title: 'Plan',
        body: 'x',
      });
      expect(await notified(w, g.postId)).toEqual(['a1', 'tutorA']);
      // Q&A: b1 follows the forum, but is not told of replies before answering.
      await setSubscription(app, actors.b1, cohortId, { forumId: w.forums.qa!, subscribed: '1' });
      const q = await startThread(app, actors.tutorA, cohortId, {
        forumId: w.forums.qa!,
        title: 'Define',
        body: 'x',
      });
      expect(await notified(w, q.postId)).toEqual(['b1']);
      const answer = await replyToThread(app, actors.a1, cohortId, { threadId: q.threadId, body: 'mine' });
      expect(await notified(w, answer.postId)).toEqual(['tutorA']);
      await expect(
        setSubscription(app, actors.a1, cohortId, { forumId: w.forums.announcements!, subscribed: '0' }),
      ).rejects.toMatchObject({
        code: 'forum.announcements_forced',
      });
    });

    it('lists notifications, marks them read one by one, all at once, or by reading the discussion', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors } = w;
      const a = await startThread(app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'One',
        body: 'x',
      });
      app.clock.advance(1000);
      await startThread(app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'Two',
        body: 'y',
      });
      app.clock.advance(1000);
      await startThread(app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'Three',
        body: 'z',
      });
      const page = await getNotificationsPage(app, actors.a1, 'fr');
      expect(page.items.map((i) => [i.threadTitle, i.forum, i.read])).toEqual([
        ['Three', 'Annonces', false],
        ['Two', 'Annonces', false],
        ['One', 'Annonces', false],
      ]);
      expect(page.cohorts).toEqual([{ cohortId, title: 'Spring 2026', mode: 'digest' }]);
      await markNotificationRead(app, actors.a1, page.items[0]!.id);
      await expect(markNotificationRead(app, actors.b1, page.items[1]!.id)).rejects.toThrow(NotFoundError);
      await getThreadPage(app, actors.a1, cohortId, a.threadId, 'en');
      expect(await countMyUnreadNotifications(app, actors.a1)).toBe(1);
      await markNotificationRead(app, actors.a1, null);
      expect(await countMyUnreadNotifications(app, actors.a1)).toBe(0);
    });
  });

  describe('unsubscribeByLink', () => {
    it('stops forum mail from the link in a mail, without signing in; refuses any other link', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors } = w;
      await setEmailMode(app, actors.a2, { cohortId, mode: 'each' });
      await startThread(app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'Hello',
        body: 'x',
      });
      await sendQueuedMail(app);
      const link = new URL(app.sent[0]!.headers!['List-Unsubscribe']!.slice(1, -1));
      const input = {
        userId: link.searchParams.get('u')!,
        cohortId: link.searchParams.get('c')!,
        token: link.searchParams.get('t')!,
      };
      expect(input.userId).toBe(w.users.a2.id);
      for (const bad of [
        { ...input, token: input.token.slice(2) },
        { ...input, userId: w.users.a1.id },
        { ...input, cohortId: w.otherCohortId },
        { ...input, cohortId: '*' },
      ])
        await expect(unsubscribeByLink(app, bad)).rejects.toMatchObject({
          code: 'notification.unsubscribe_invalid',
        });
      expect(await unsubscribeByLink(app, input)).toEqual({ cohorts: 1 });
      expect((await getNotificationsPage(app, actors.a2, 'en')).cohorts[0]!.mode).toBe('off');
      app.sent.length = 0;
      await startThread(app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'Again',
        body: 'y',
      });
      await sendQueuedMail(app);
      expect(app.sent).toEqual([]);
      // Using the link twice is harmless.
      expect(await unsubscribeByLink(app, input)).toEqual({ cohorts: 1 });
    });
  });
});
