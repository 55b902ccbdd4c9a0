import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { newId } from '@labmig/db';
import { openApp } from '../app/app.ts';
import { createLogger } from '../app/logger.ts';
import { unsubscribeFromReminders } from '../accounts/account-settings.commands.ts';
import { setUpLearning as setUpLearningBase } from '../learning/testing/learning-setup.ts';
import { createMemoryMailer } from '../mail/mailer.ts';
import { testConfig } from '../testing/test-app.ts';
import { sendDueReminders } from './reminders.commands.ts';
import { weeksOpenedRecently } from './reminders.rules.ts';

// Week 2 of the learning setup opens at local midnight in Rome on Monday 9 March 2026: 2026-03-08T23:00Z.

describe('weeksOpenedRecently', () => {
  const schedule = {
    cohortId: 'c',
    timeZone: 'UTC',
    currentWeek: 2,
    weeks: [1, 2, 3].map((n) => ({
      number: n,
      title: `W${n}`,
      titleFr: null,
      opensOn: '',
      opensAt: new Date(Date.UTC(2026, 2, 2 + 7 * (n - 1))).toISOString(),
      dueOn: '',
      dueAt: '',
      state: 'open' as const,
      modules: [],
    })),
  };
  it.each([
    ['just before week 2 opens', '2026-03-08T23:59:59Z', []],
    ['as week 2 opens', '2026-03-09T00:00:00Z', [2]],
    ['23 hours later', '2026-03-09T23:00:00Z', [2]],
    ['a day later (too late to remind)', '2026-03-10T00:00:00Z', []],
    ['week 1 never (the enrolment mail covers it)', '2026-03-02T06:00:00Z', []],
  ])('%s', (_label, now, weeks) => {
    expect(weeksOpenedRecently(schedule, new Date(now)).map((w) => w.number)).toEqual(weeks);
  });
});

forEachDialect((ctx) => {
  // The learning setup's "=Bob" has the address "=bob@example.org", which the mail job refuses as not an address.
  const setUpLearning: typeof setUpLearningBase = async (context, now) => {
    const setup = await setUpLearningBase(context, now);
    await ctx.db
      .updateTable('users')
      .set({ email: 'bob@example.org' })
      .where('id', '=', setup.users.other.id)
      .execute();
    return { ...setup, users: { ...setup.users, other: { ...setup.users.other, email: 'bob@example.org' } } };
  };

  describe('sendDueReminders', () => {
    it('tells each active learner once that week 2 is open, even from two processes at the same moment', async () => {
      const { app, users } = await setUpLearning(ctx, '2026-03-09T06:00:00.000Z');
      await ctx.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', users.other.id).execute();
      // A second process: its own App (mailer, clock) on the same database.
      const mailer = createMemoryMailer();
      const second = await openApp(testConfig(ctx), {
        db: ctx.db,
        clock: app.clock,
        mailer,
        logger: createLogger('silent'),
      });
      const results = await Promise.all([sendDueReminders(app), sendDueReminders(second)]);
      expect(results[0].weekOpenings + results[1].weekOpenings).toBe(2);
      const all = [...(await app.deliverMail()), ...mailer.sent].filter(
        (m) => m.kind === 'reminder-week-opening',
      );
      expect(all.map((m) => m.to).sort()).toEqual([users.learner.email, users.other.email].sort());
      const french = all.find((m) => m.to === users.other.email)!;
      expect(french.subject).toMatch(/^La semaine 2 est ouverte/);
      expect(french.text).toContain(`${app.config.origin}/fr/cohorts/`);
      // Later runs send nothing more.
      app.clock.advance(3_600_000);
      expect(await sendDueReminders(app)).toEqual({ weekOpenings: 0, closingAssessments: 0 });
    });

    it('skips learners who turned reminders off, by the link in an earlier reminder', async () => {
      const { app, users, cohortId } = await setUpLearning(ctx, '2026-03-09T06:00:00.000Z');
      await sendDueReminders(app);
      const mail = (await app.deliverMail()).find((m) => m.to === users.learner.email)!;
      const link = new URL(/https?:\/\/\S+unsubscribe\S+/.exec(mail.text)![0]);
      await unsubscribeFromReminders(app, {
        user: link.searchParams.get('user')!,
        token: link.searchParams.get('token')!,
      });
      (await app.deliverMail()).length = 0;
      const quizId = newId();
      await ctx.db
        .insertInto('quizzes')
        .values({
          id: quizId,
          cohort_id: cohortId,
          quiz_key: 'w2',
          week: 2,
          title: 'Week 2 assessment',
          definition: '{}',
          opens_at: '2026-03-08T23:00:00.000Z',
          closes_at: '2026-03-10T22:59:00.000Z',
          created_at: '2026-03-01T00:00:00.000Z',
          updated_at: '2026-03-01T00:00:00.000Z',
        })
        .execute();
      app.clock.set('2026-03-10T06:00:00.000Z');
      expect(await sendDueReminders(app)).toEqual({ weekOpenings: 0, closingAssessments: 1 });
      expect((await app.deliverMail()).map((m) => [m.to, m.kind])).toEqual([
        [users.other.email, 'reminder-assessment-closing'],
      ]);
      expect((await app.deliverMail())[0]!.text).toContain('(Europe/Rome)');
    });

    it('reminds of a closing assessment only those who have not handed it in', async () => {
      const { app, users, cohortId } = await setUpLearning(ctx, '2026-03-10T06:00:00.000Z');
      const quizId = newId();
      await ctx.db
        .insertInto('quizzes')
        .values({
          id: quizId,
          cohort_id: cohortId,
          quiz_key: 'w2',
          week: 2,
          title: 'Week 2 assessment',
          definition: '{}',
          opens_at: '2026-03-08T23:00:00.000Z',
          closes_at: '2026-03-11T05:00:00.000Z',
          created_at: '2026-03-01T00:00:00.000Z',
          updated_at: '2026-03-01T00:00:00.000Z',
        })
        .execute();
      await ctx.db
        .insertInto('quiz_attempts')
        .values({
          id: newId(),
          quiz_id: quizId,
          user_id: users.learner.id,
          attempt_number: 1,
          state: 'submitted',
          layout: '{}',
          started_at: '2026-03-09T10:00:00.000Z',
          deadline_at: null,
          submitted_at: '2026-03-09T10:30:00.000Z',
          submitted_by: 'learner',
          marks: 1,
          max_marks: 1,
          grade: 100,
          pending_count: 0,
          updated_at: '2026-03-09T10:30:00.000Z',
        })
        .execute();
      const result = await sendDueReminders(app);
      expect(result.closingAssessments).toBe(1);
      const closing = (await app.deliverMail()).filter((m) => m.kind === 'reminder-assessment-closing');
      expect(closing.map((m) => m.to)).toEqual([users.other.email]);
      expect(closing[0]!.subject).toBe('Closes within 24 hours: Week 2 assessment');
    });
  });
});
