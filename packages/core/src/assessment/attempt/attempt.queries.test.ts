import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { NotFoundError } from '../../errors/domain-errors.ts';
import { buildAssessmentWorld, worldYaml } from './assessment-world.testing.ts';
import { saveAnswers, startAttempt, submitAttempt } from './attempt.commands.ts';
import { getAttempt } from './attempt.commands.ts';
import { getQuizStart } from './attempt.queries.ts';
import { getLearnerAssessments } from '../gradebook/gradebook.queries.ts';
import { readLayout, rightAnswers } from './attempt.testing.ts';

forEachDialect((ctx) => {
  describe('getQuizStart attempts', () => {
    it('lists the learner’s attempts with grades once the feedback mode shows them', async () => {
      const w = await buildAssessmentWorld(ctx);
      const first = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      await saveAnswers(
        w.app,
        w.ana,
        w.attempt(first.attemptId),
        rightAnswers(await readLayout(ctx.db, first.attemptId)),
      );
      await submitAttempt(w.app, w.ana, w.attempt(first.attemptId));
      const second = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      const start = await getQuizStart(w.app, w.ana, w.quiz(w.week1));
      expect(start).toMatchObject({
        cohortId: w.cohort.id,
        timeZone: 'UTC',
        gradingMethod: 'highest',
        attemptsUsed: 2,
        openAttemptId: second.attemptId,
      });
      // Five of six questions right (the essay waits for a tutor): grade null, not passed yet.
      expect(start.attempts).toEqual([
        expect.objectContaining({
          attemptId: first.attemptId,
          attemptNumber: 1,
          state: 'submitted',
          submittedBy: 'learner',
          resultVisible: true,
          grade: null,
          passed: null,
        }),
        expect.objectContaining({
          attemptId: second.attemptId,
          attemptNumber: 2,
          state: 'in-progress',
          resultVisible: false,
          grade: null,
        }),
      ]);
      // Another learner sees none of Ana's attempts.
      expect((await getQuizStart(w.app, w.ben, w.quiz(w.week1))).attempts).toEqual([]);
    });

    it('hides grades until the close date in after-close mode', async () => {
      const w = await buildAssessmentWorld(ctx, worldYaml({ feedbackMode: 'after-close' }));
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      await submitAttempt(w.app, w.ana, w.attempt(attemptId));
      const before = await getQuizStart(w.app, w.ana, w.quiz(w.week1));
      expect(before.attempts[0]).toMatchObject({ state: 'submitted', resultVisible: false, grade: null });
      w.app.clock.set('2026-03-09T00:00:00.000Z');
      const after = await getQuizStart(w.app, w.ana, w.quiz(w.week1));
      expect(after.window).toBe('closed');
      expect(after.attempts[0]).toMatchObject({ resultVisible: true, grade: 0, passed: false });
    });

    it('submits an overdue attempt before listing it', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      w.app.clock.set('2026-03-03T09:31:00.000Z');
      const start = await getQuizStart(w.app, w.ana, w.quiz(w.week1));
      expect(start.openAttemptId).toBeNull();
      expect(start.attempts[0]).toMatchObject({ attemptId, state: 'submitted', submittedBy: 'timeout' });
    });
  });

  describe('getAttempt page context', () => {
    it('names the cohort, its time zone and the close date', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      const dto = await getAttempt(w.app, w.ana, w.attempt(attemptId));
      expect(dto).toMatchObject({
        cohortId: w.cohort.id,
        timeZone: 'UTC',
        closesAt: '2026-03-09T00:00:00.000Z',
        deadlineAt: '2026-03-03T09:30:00.000Z',
        secondsLeft: 1800,
      });
    });
  });

  describe('getLearnerAssessments', () => {
    it('adds the cohort time zone and each quiz window to the learner gradebook', async () => {
      const w = await buildAssessmentWorld(ctx);
      const page = await getLearnerAssessments(w.app, w.ana, w.cohort.id);
      expect(page.timeZone).toBe('UTC');
      expect(page.cohortTitle).toBe(w.cohort.title);
      expect(page.windows).toEqual({ [w.quizzes[0].id]: 'open', [w.quizzes[1].id]: 'not-open' });
      expect(page.gradebook.quizzes.map((q) => q.quizId)).toEqual(w.quizzes.map((q) => q.id));
      await expect(getLearnerAssessments(w.app, w.outsider, w.cohort.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });
});
