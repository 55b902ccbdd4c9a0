import { describe, expect, it } from 'vitest';
import { buildCohort, buildEnrolment, buildUser, forEachDialect } from '@labmig/db/testing';
import type { Actor } from '../../access/actor.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors/domain-errors.ts';
import { buildAssessmentWorld } from '../attempt/assessment-world.testing.ts';
import { saveAnswers, startAttempt, submitAttempt } from '../attempt/attempt.commands.ts';
import { readLayout, rightAnswers, slotOf } from '../attempt/attempt.testing.ts';
import { gradeEssay, listGradingQueue } from './essay-grading.commands.ts';
import { gradebookToCsv } from './gradebook-csv.ts';
import { analyseQuizItems, getQuizItemAnalysis } from './gradebook-items.queries.ts';
import { listGradeOverrideHistory, overrideGrade } from './gradebook.commands.ts';
import { getCohortGradebook, getLearnerGradebook, getLearnerQuizGrade } from './gradebook.queries.ts';

type World = Awaited<ReturnType<typeof buildAssessmentWorld>>;

/** Ana answers everything right (essay included); Ben only gets the true/false question right. */
async function takeWeek1(w: World) {
  const a = await startAttempt(w.app, w.ana, w.quiz(w.week1));
  await submitAttempt(
    w.app,
    w.ana,
    w.attempt(a.attemptId),
    rightAnswers(await readLayout(w.app.db, a.attemptId)),
  );
  const b = await startAttempt(w.app, w.ben, w.quiz(w.week1));
  const layoutB = await readLayout(w.app.db, b.attemptId);
  await saveAnswers(w.app, w.ben, w.attempt(b.attemptId), {
    [slotOf(layoutB, 'tf1')]: { selected: ['true'] },
  });
  await submitAttempt(w.app, w.ben, w.attempt(b.attemptId));
  return {
    ana: a.attemptId,
    ben: b.attemptId,
    essaySlot: slotOf(await readLayout(w.app.db, a.attemptId), 'essay1'),
  };
}

forEachDialect((ctx) => {
  describe('essay grading and the learner gradebook', () => {
    it('queues essays for tutors, then shows the grade and what is still required', async () => {
      const w = await buildAssessmentWorld(ctx);
      const taken = await takeWeek1(w);
      let mine = await getLearnerGradebook(w.app, w.ana, w.cohort.id);
      expect(mine.quizzes[0]).toMatchObject({
        requirement: 'awaiting-grading',
        grade: null,
        attemptsUsed: 1,
        attemptsLeft: 1,
      });

      const queue = await listGradingQueue(w.app, w.tutor, w.cohort.id);
      expect(queue).toEqual([
        expect.objectContaining({
          attemptId: taken.ana,
          slot: taken.essaySlot,
          learnerName: 'ana',
          userId: (w.ana as Extract<Actor, { kind: 'user' }>).userId,
          maxMark: 1,
          essay: 'Because they move and are hard to reach.',
        }),
      ]);
      await expect(listGradingQueue(w.app, w.ana, w.cohort.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        gradeEssay(w.app, w.ben, {
          cohortId: w.cohort.id,
          attemptId: taken.ana,
          slot: taken.essaySlot,
          fraction: 1,
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);

      // Half marks on the essay: 5.5 of 6 marks → 91.67 of 100.
      const graded = await gradeEssay(w.app, w.tutor, {
        cohortId: w.cohort.id,
        attemptId: taken.ana,
        slot: taken.essaySlot,
        fraction: 0.5,
        comment: 'Good start.',
      });
      expect(graded.pendingQuestions).toBe(0);
      expect(graded.grade).toBeCloseTo((5.5 / 6) * 100, 10);
      expect(await listGradingQueue(w.app, w.tutor, w.cohort.id)).toEqual([]);

      mine = await getLearnerGradebook(w.app, w.ana, w.cohort.id);
      expect(mine.quizzes.map((q) => [q.title, q.requirement])).toEqual([
        ['Week 1', 'passed'],
        ['Week 2', 'not-open'],
      ]);
      expect(mine.allPassed).toBe(false);
      expect(mine.stillRequired).toEqual([
        { quizId: w.quizzes[1].id, title: 'Week 2', requirement: 'not-open' },
      ]);
      const ben = await getLearnerGradebook(w.app, w.ben, w.cohort.id);
      // 1 of 6 marks → 16.67, below the pass mark of 60, one attempt left.
      expect(ben.quizzes[0]).toMatchObject({ requirement: 'retry', passed: false });
      expect(ben.quizzes[0].grade).toBeCloseTo(100 / 6, 10);
    });

    it('lets a withdrawn learner see their grades and nobody else see them', async () => {
      const w = await buildAssessmentWorld(ctx);
      const gone = await buildUser(ctx.db, { name: 'gone' });
      await buildEnrolment(ctx.db, { cohort_id: w.cohort.id, user_id: gone.id, status: 'withdrawn' });
      const goneActor: Actor = {
        kind: 'user',
        userId: gone.id,
        name: 'gone',
        email: gone.email,
        locale: 'en',
        isAdmin: false,
      };
      expect((await getLearnerGradebook(w.app, goneActor, w.cohort.id)).quizzes).toHaveLength(2);
      await expect(startAttempt(w.app, goneActor, w.quiz(w.week1))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getLearnerGradebook(w.app, w.outsider, w.cohort.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getLearnerGradebook(w.app, { kind: 'anonymous' }, w.cohort.id)).rejects.toBeInstanceOf(
        UnauthenticatedError,
      );
    });
  });

  describe('people of another cohort', () => {
    it('a tutor or learner of another cohort of the same course sees and does nothing here', async () => {
      const w = await buildAssessmentWorld(ctx);
      const taken = await takeWeek1(w);
      const other = await buildCohort(ctx.db, { course_id: w.course.id });
      const actorOf = async (role: 'tutor' | 'learner'): Promise<Actor> => {
        const u = await buildUser(ctx.db);
        await buildEnrolment(ctx.db, { cohort_id: other.id, user_id: u.id, role });
        return { kind: 'user', userId: u.id, name: u.name, email: u.email, locale: 'en', isAdmin: false };
      };
      const benId = (w.ben as Extract<Actor, { kind: 'user' }>).userId;
      for (const stranger of [await actorOf('tutor'), await actorOf('learner')]) {
        await expect(getCohortGradebook(w.app, stranger, w.cohort.id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(getLearnerGradebook(w.app, stranger, w.cohort.id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(listGradingQueue(w.app, stranger, w.cohort.id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(analyseQuizItems(w.app, stranger, w.quiz(w.week1))).rejects.toBeInstanceOf(
          NotFoundError,
        );
        await expect(startAttempt(w.app, stranger, w.quiz(w.week1))).rejects.toBeInstanceOf(NotFoundError);
        await expect(
          gradeEssay(w.app, stranger, {
            cohortId: w.cohort.id,
            attemptId: taken.ana,
            slot: taken.essaySlot,
            fraction: 1,
          }),
        ).rejects.toBeInstanceOf(NotFoundError);
        await expect(
          overrideGrade(w.app, stranger, {
            cohortId: w.cohort.id,
            quizId: w.week1.id,
            userId: benId,
            grade: 99,
            reason: 'x',
          }),
        ).rejects.toBeInstanceOf(NotFoundError);
      }
      expect(await ctx.db.selectFrom('grade_overrides').select('id').execute()).toEqual([]);
    });
  });

  describe('cohort gradebook, overrides and CSV', () => {
    it('shows learners × assessments to tutors only, applies audited overrides and exports safe CSV', async () => {
      const w = await buildAssessmentWorld(ctx);
      await ctx.db
        .updateTable('users')
        .set({ name: '=HYPERLINK("http://x")' })
        .where('id', '=', w.ben.kind === 'user' ? w.ben.userId : '')
        .execute();
      await takeWeek1(w);
      await expect(getCohortGradebook(w.app, w.ana, w.cohort.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getCohortGradebook(w.app, w.outsider, w.cohort.id)).rejects.toBeInstanceOf(NotFoundError);
      const benId = (w.ben as Extract<Actor, { kind: 'user' }>).userId;
      const override = (actor: Actor, grade: number, reason: string) =>
        overrideGrade(w.app, actor, {
          cohortId: w.cohort.id,
          quizId: w.week1.id,
          userId: benId,
          grade,
          reason,
        });

      await expect(override(w.tutor, 70, '  ')).rejects.toMatchObject({
        fields: { reason: expect.any(String) },
      });
      await expect(override(w.tutor, 170, 'x')).rejects.toMatchObject({
        fields: { grade: expect.any(String) },
      });
      await expect(override(w.ana, 70, 'x')).rejects.toBeInstanceOf(ForbiddenError);
      await override(w.tutor, 70, 'Connection failure, answers sent by email');

      const book = await getCohortGradebook(w.app, w.tutor, w.cohort.id);
      expect(book.quizzes.map((q) => q.title)).toEqual(['Week 1', 'Week 2']);
      const benRow = book.rows.find((r) => r.userId === benId)!;
      expect(benRow.cells[0]).toMatchObject({
        grade: 70,
        overridden: true,
        passed: true,
        requirement: 'passed',
      });
      expect(benRow.cells[0].computedGrade).toBeCloseTo(100 / 6, 10);
      expect(benRow.cells[0].attempts).toEqual([
        expect.objectContaining({ number: 1, state: 'submitted', pendingQuestions: 0 }),
      ]);
      const anaRow = book.rows.find((r) => r.name === 'ana')!;
      expect(anaRow.cells[0]).toMatchObject({
        grade: null,
        provisional: true,
        requirement: 'awaiting-grading',
      });
      expect(anaRow.cells[0].attempts).toEqual([
        expect.objectContaining({ number: 1, state: 'submitted', grade: null, pendingQuestions: 1 }),
      ]);
      expect(book.cohortTitle).toBe(w.cohort.title);
      // Week 1: both attempted, Ben passes by override (70), Ana has no grade yet → mean 70. Week 2: nothing.
      expect(book.summaries).toEqual([
        { attempted: 2, passed: 1, mean: 70 },
        { attempted: 0, passed: 0, mean: null },
      ]);
      const view = await getLearnerQuizGrade(w.app, w.tutor, {
        cohortId: w.cohort.id,
        quizId: w.week1.id,
        userId: benId,
      });
      expect(view).toMatchObject({
        cohortId: w.cohort.id,
        quiz: { quizId: w.week1.id, title: 'Week 1', maxGrade: 100 },
        learner: { userId: benId, status: 'active' },
        cell: { grade: 70, overridden: true },
      });
      await expect(
        getLearnerQuizGrade(w.app, w.ana, { cohortId: w.cohort.id, quizId: w.week1.id, userId: benId }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        getLearnerQuizGrade(w.app, w.outsider, { cohortId: w.cohort.id, quizId: w.week1.id, userId: benId }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const tutorId = (w.tutor as Extract<Actor, { kind: 'user' }>).userId;
      await expect(
        getLearnerQuizGrade(w.app, w.tutor, { cohortId: w.cohort.id, quizId: w.week1.id, userId: tutorId }),
      ).rejects.toMatchObject({ code: 'user.not_found' });

      expect(gradebookToCsv(book).split('\r\n')).toEqual([
        '\uFEFFname,email,status,Week 1 (/100),Week 2 (/100),passed_all',
        `"'=HYPERLINK(""http://x"")",${benRow.email},active,70,,no`,
        `ana,${anaRow.email},active,,,no`,
        '',
      ]);

      await overrideGrade(w.app, w.tutor, {
        cohortId: w.cohort.id,
        quizId: w.week1.id,
        userId: benId,
        grade: null,
        reason: 'Cleared after a check',
      });
      const after = await getCohortGradebook(w.app, w.tutor, w.cohort.id);
      expect(after.rows.find((r) => r.userId === benId)!.cells[0]).toMatchObject({
        overridden: false,
        requirement: 'retry',
      });
      const history = await listGradeOverrideHistory(w.app, w.tutor, {
        cohortId: w.cohort.id,
        quizId: w.week1.id,
        userId: benId,
      });
      expect(history.map((h) => [h.grade, h.reason, h.byName])).toEqual([
        [70, 'Connection failure, answers sent by email', 'tim'],
        [null, 'Cleared after a check', 'tim'],
      ]);
    });
  });

  describe('analyseQuizItems', () => {
    it('computes facility and discrimination from stored attempts', async () => {
      const w = await buildAssessmentWorld(ctx);
      const taken = await takeWeek1(w);
      await expect(analyseQuizItems(w.app, w.ana, w.quiz(w.week1))).rejects.toBeInstanceOf(ForbiddenError);
      // Ana's attempt waits for essay grading, so only Ben's graded attempt counts.
      expect(
        (await analyseQuizItems(w.app, w.tutor, w.quiz(w.week1))).find((i) => i.questionId === 'tf1')?.n,
      ).toBe(1);
      await gradeEssay(w.app, w.tutor, {
        cohortId: w.cohort.id,
        attemptId: taken.ana,
        slot: taken.essaySlot,
        fraction: 1,
      });
      const items = await analyseQuizItems(w.app, w.tutor, w.quiz(w.week1));
      const byId = new Map(items.map((i) => [i.questionId, i]));
      // tf1: both right → facility 100, no variance → no discrimination.
      expect(byId.get('tf1')).toMatchObject({
        n: 2,
        facility: 100,
        standardDeviation: 0,
        discrimination: null,
      });
      // num1: Ana 1 (rest 5), Ben 0 (rest 1) → facility 50, r = 1 → discrimination 100.
      expect(byId.get('num1')?.facility).toBe(50);
      expect(byId.get('num1')?.discrimination).toBeCloseTo(100, 10);
      // Everybody right: facility 100 > 95 → flagged as very easy.
      expect(byId.get('tf1')?.flags).toEqual(['very-easy']);
      expect(items).toHaveLength(6);
      expect(byId.get('mc1')).toMatchObject({
        name: 'mc1',
        type: 'multichoice',
        text: 'Which is a labour force status?',
        maxMark: 1,
      });
      const page = await getQuizItemAnalysis(w.app, w.tutor, w.quiz(w.week1), 'first');
      expect(page).toMatchObject({ title: 'Week 1', week: 1, which: 'first', attempts: 2 });
      expect(page.items.map((i) => i.questionId)).toEqual(items.map((i) => i.questionId));
      await expect(getQuizItemAnalysis(w.app, w.outsider, w.quiz(w.week1))).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });
});
