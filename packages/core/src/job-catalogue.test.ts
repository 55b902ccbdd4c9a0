import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { buildAssessmentWorld } from './assessment/attempt/assessment-world.testing.ts';
import { startAttempt } from './assessment/attempt/attempt.commands.ts';
import { JOB_CATALOGUE } from './job-catalogue.ts';
import { getJobStatus } from './jobs/job-queue.ts';
import { createJobRunner } from './jobs/job-runner.ts';
import { enqueueMail } from './jobs/mail-send.job.ts';
import { createTestApp } from './testing/test-app.ts';

const mail = {
  to: 'ana@example.org',
  subject: 'Week 2 is open',
  text: 'Hello Ana',
  kind: 'week-open',
  locale: 'en',
};

forEachDialect((ctx) => {
  describe('the campus job catalogue', () => {
    it('closes an attempt whose time limit passed although the learner never came back, once a minute', async () => {
      const world = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(world.app, world.ana, world.quiz(world.week1));
      world.app.clock.advance(31 * 60_000); // the week-1 quiz has a 30-minute limit
      // The catalogue's other recurring runs are due too and may fill the runner's slots first: run until idle.
      const runner = createJobRunner(world.app, JOB_CATALOGUE);
      for (let round = 0; round < 5 && (await runner.runDue()) > 0; round += 1);
      expect(
        await ctx.db
          .selectFrom('quiz_attempts')
          .select(['state', 'submitted_by'])
          .where('id', '=', attemptId)
          .executeTakeFirstOrThrow(),
      ).toEqual({ state: 'submitted', submitted_by: 'timeout' });
      const runs = await ctx.db.selectFrom('jobs').select(['type', 'state', 'run_slot']).execute();
      expect(runs).toContainEqual({
        type: 'assessment.finalise-overdue',
        state: 'done',
        run_slot: world.app.clock.now().toISOString().slice(0, 17) + '00.000Z',
      });
    });

    it('sends mail enqueued in a transaction only when the transaction commits', async () => {
      const app = await createTestApp(ctx);
      await expect(
        app.db.transaction().execute(async (trx) => {
          await enqueueMail(app, { ...mail, subject: 'never sent' }, { trx });
          throw new Error('the enrolment failed');
        }),
      ).rejects.toThrow('the enrolment failed');
      const id = await app.db.transaction().execute((trx) => enqueueMail(app, mail, { trx }));
      expect(app.sent).toEqual([]); // queued, not sent inside the request
      // The recurring runs of the catalogue are due too and may fill the runner's slots first: run until idle.
      const runner = createJobRunner(app, JOB_CATALOGUE);
      for (let round = 0; round < 5 && (await runner.runDue()) > 0; round += 1);
      expect(app.sent).toEqual([mail]);
      expect(await getJobStatus(app, id!)).toMatchObject({ state: 'done' });
      await app.close();
    });
  });
});
