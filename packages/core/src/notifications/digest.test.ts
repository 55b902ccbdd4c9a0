import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { buildEnrolment } from '@labmig/db/testing';
import { replyToThread, startThread } from '../forums/thread.commands.ts';
import { setUpForumWorld } from '../forums/testing/forum-world.ts';
import { listForums } from '../forums/forum.queries.ts';
import { sendDigests } from './digest.commands.ts';
import { setEmailMode, unsubscribeByLink } from './notification.commands.ts';
import { getNotificationsPage } from './notification.queries.ts';
import { sendQueuedMail } from '../jobs/testing/queued-mail.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { JOB_CATALOGUE } from '../job-catalogue.ts';

const linkOf = (mail: { headers?: Readonly<Record<string, string>> }) => {
  const url = new URL(mail.headers!['List-Unsubscribe']!.slice(1, -1));
  return {
    userId: url.searchParams.get('u')!,
    cohortId: url.searchParams.get('c')!,
    token: url.searchParams.get('t')!,
  };
};

forEachDialect((ctx) => {
  describe('sendDigests', () => {
    it('sends each person one digest with the posts they follow, in their language, never twice a day', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors, users } = w;
      await startThread(app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'Week 2 opens',
        body: 'Read module 3.',
      });
      const g = await startThread(app, actors.a2, cohortId, {
        forumId: w.forums[`group:${w.groupA}`]!,
        title: 'Plan',
        body: 'Who scores?',
      });
      await replyToThread(app, actors.tutorA, cohortId, {
        threadId: g.threadId,
        body: 'Ana and Amir, then compare.',
      });
      await setEmailMode(app, actors.b1, { cohortId, mode: 'off' });
      await sendQueuedMail(app);
      app.sent.length = 0;
      const runs = await Promise.all(
        [1, 2, 3].map(() => sendDigests(app, { day: '2026-03-10', timeZones: ['UTC'] })),
      );
      expect(app.sent).toEqual([]); // queued in the run's transaction, sent by the job runner
      expect(await sendQueuedMail(app)).toBe(5);
      expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(5);
      const to = app.sent.map((m) => m.to).sort();
      expect(to).toEqual([
        'amir.learner@example.org',
        'ana.learner@example.org',
        'lou.learner@example.org',
        'tariq.tutor@example.org',
        'tess.tutor@example.org',
      ]);
      const ana = app.sent.find((m) => m.to === 'ana.learner@example.org')!;
      expect(ana.locale).toBe('fr');
      expect(ana.subject).toBe('Votre résumé des forums\u202f: 3 nouveaux messages');
      expect(ana.text).toContain('== Spring 2026 ==');
      expect(ana.text).toContain('Week 2 opens — Annonces');
      expect(ana.text).toContain('Plan — Groupe Group A');
      expect(ana.text).toContain('Tariq Tutor\u202f: Ana and Amir, then compare.');
      expect(ana.text).toContain(`http://127.0.0.1:3000/fr/cohorts/${cohortId}/threads/${g.threadId}#post-2`);
      const lou = app.sent.find((m) => m.to === 'lou.learner@example.org')!;
      expect(lou.subject).toBe('Your forum digest: 1 new post');
      expect(lou.text).not.toContain('Plan');
      // Nothing new: no second digest the same day, nor the next day.
      app.sent.length = 0;
      await sendDigests(app, { day: '2026-03-10', timeZones: ['UTC'] });
      await sendDigests(app, { day: '2026-03-11', timeZones: ['UTC'] });
      await sendQueuedMail(app);
      expect(app.sent).toEqual([]);
      // A new post after the digest waits for the next day's.
      await startThread(app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'Week 3',
        body: 'x',
      });
      expect(await sendDigests(app, { day: '2026-03-10', timeZones: ['UTC'] })).toEqual({
        sent: 0,
        alreadySent: 5,
      });
      expect(await sendDigests(app, { day: '2026-03-11', timeZones: ['UTC'] })).toMatchObject({ sent: 5 });
      // Cohorts of other time zones are the run of their own zone.
      expect(await sendDigests(app, { day: '2026-03-12', timeZones: ['Asia/Manila'] })).toEqual({
        sent: 0,
        alreadySent: 0,
      });
      expect(users.b1.id).toBeDefined();
    });

    it('covers several cohorts in one digest whose link stops the mail of all of them', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors, users } = w;
      await buildEnrolment(ctx.db, { cohort_id: w.otherCohortId, user_id: users.a1.id });
      await buildEnrolment(ctx.db, {
        cohort_id: w.otherCohortId,
        user_id: users.manager.id,
        role: 'manager',
      });
      const other = await listForums(app, actors.manager, w.otherCohortId, 'en');
      await startThread(app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'Here',
        body: 'x',
      });
      await startThread(app, actors.manager, w.otherCohortId, {
        forumId: other.forums[0]!.id,
        title: 'There',
        body: 'y',
      });
      await sendQueuedMail(app);
      app.sent.length = 0;
      await sendDigests(app, { day: '2026-03-10', timeZones: null });
      await sendQueuedMail(app);
      const mail = app.sent.find((m) => m.to === 'ana.learner@example.org')!;
      expect(mail.text).toContain('== Spring 2026 ==');
      expect(mail.text).toContain('== Autumn 2026 ==');
      const link = linkOf(mail);
      expect(link.cohortId).toBe('*');
      expect(await unsubscribeByLink(app, link)).toEqual({ cohorts: 2 });
      expect((await getNotificationsPage(app, actors.a1, 'en')).cohorts.map((c) => c.mode)).toEqual([
        'off',
        'off',
      ]);
    });

    it('goes out once a day from the campus schedule, however many processes run it', async () => {
      const w = await setUpForumWorld(ctx);
      const { app, cohortId, actors } = w;
      await startThread(app, actors.manager, cohortId, {
        forumId: w.forums.announcements!,
        title: 'Week 2 opens',
        body: 'Read module 3.',
      });
      await sendQueuedMail(app);
      app.sent.length = 0;
      // 09:00 UTC: the 06:00 run of the cohorts' zone is due (late); three processes run their catalogue at once.
      const processes = [1, 2, 3].map(() => createJobRunner(app, JOB_CATALOGUE));
      for (let round = 0; round < 4; round++) await Promise.all(processes.map((p) => p.runDue()));
      const to = app.sent.filter((m) => m.kind === 'forum-digest').map((m) => m.to);
      expect(to.length).toBeGreaterThan(0);
      expect(new Set(to).size).toBe(to.length);
      expect(to).toContain('ana.learner@example.org');
      const runs = await ctx.db
        .selectFrom('jobs')
        .select(['run_slot', 'state'])
        .where('type', '=', 'notifications.digest')
        .execute();
      expect(runs).toEqual([{ run_slot: expect.stringContaining('UTC@2026-03-10'), state: 'done' }]);
      // Later the same day nothing more goes out.
      app.sent.length = 0;
      app.clock.advance(6 * 3600_000);
      for (let round = 0; round < 2; round++) await Promise.all(processes.map((p) => p.runDue()));
      expect(app.sent.filter((m) => m.kind === 'forum-digest')).toEqual([]);
    });
  });
});
