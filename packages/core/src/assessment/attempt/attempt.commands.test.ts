import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../errors/domain-errors.ts';
import { importQuestionBank } from '../bank/bank-import.commands.ts';
import { WORLD_GIFT, buildAssessmentWorld, worldYaml, writeCourseDir } from './assessment-world.testing.ts';
import { checkQuestion, saveAnswers, startAttempt, submitAttempt } from './attempt.commands.ts';
import { finaliseOverdueAttempts } from './attempt-finalise.commands.ts';
import { getAttempt } from './attempt.commands.ts';
import { deepStrings, readLayout, rightAnswers, slotOf } from './attempt.testing.ts';

const MIN = 60_000;

forEachDialect((ctx) => {
  describe('startAttempt', () => {
    it('freezes questions, versions, order and values, and resumes the open attempt', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId, resumed } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      expect(resumed).toBe(false);
      expect(await startAttempt(w.app, w.ana, w.quiz(w.week1))).toEqual({
        attemptId,
        resumed: true,
        resumeSlot: 0,
      });
      const layout = await readLayout(ctx.db, attemptId);
      expect(layout.slots.map((s) => s.questionId).sort()).toEqual([
        'calc1',
        'essay1',
        'mc1',
        'multi1',
        'num1',
        'tf1',
      ]);
      expect(layout.versions).toHaveLength(6);
      const before = await getAttempt(w.app, w.ana, w.attempt(attemptId));
      // A tutor edits a question after the attempt started: the attempt keeps the version it started with.
      await importQuestionBank(w.app, {
        courseId: w.course.id,
        courseDir: writeCourseDir({
          'week-1.gift': WORLD_GIFT.replace('How many weeks', 'How many WEEKS'),
          'weekly-assessments.yaml': worldYaml(),
        }),
      });
      const after = await getAttempt(w.app, w.ana, w.attempt(attemptId));
      expect(after.questions).toEqual(before.questions);
      expect(after.questions.map((q) => q.text).join()).toContain('How many weeks');
    });

    it('creates one attempt when two starts race', async () => {
      const w = await buildAssessmentWorld(ctx);
      const [a, b] = await Promise.all([
        startAttempt(w.app, w.ana, w.quiz(w.week1)),
        startAttempt(w.app, w.ana, w.quiz(w.week1)),
      ]);
      expect(a.attemptId).toBe(b.attemptId);
      const rows = await ctx.db.selectFrom('quiz_attempts').select('id').execute();
      expect(rows).toHaveLength(1);
    });

    it('refuses a quiz that is not open yet, is closed, or has no attempts left', async () => {
      const w = await buildAssessmentWorld(ctx);
      await expect(startAttempt(w.app, w.ana, w.quiz(w.quizzes[1]))).rejects.toMatchObject({
        code: 'quiz.not_open',
      });
      for (let i = 0; i < 2; i++) {
        const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
        await submitAttempt(w.app, w.ana, w.attempt(attemptId));
      }
      await expect(startAttempt(w.app, w.ana, w.quiz(w.week1))).rejects.toMatchObject({
        code: 'quiz.no_attempts_left',
      });
      w.app.clock.set('2026-03-09T00:00:00.000Z');
      await expect(startAttempt(w.app, w.ben, w.quiz(w.week1))).rejects.toMatchObject({
        code: 'quiz.closed',
      });
    });

    it('refuses anonymous people, outsiders and tutors', async () => {
      const w = await buildAssessmentWorld(ctx);
      await expect(startAttempt(w.app, { kind: 'anonymous' }, w.quiz(w.week1))).rejects.toBeInstanceOf(
        UnauthenticatedError,
      );
      await expect(startAttempt(w.app, w.outsider, w.quiz(w.week1))).rejects.toBeInstanceOf(NotFoundError);
      await expect(startAttempt(w.app, w.tutor, w.quiz(w.week1))).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe('saveAnswers and getAttempt', () => {
    it('saves a page idempotently and shows the answers on resume, with no answers or marks in the DTO', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      const layout = await readLayout(ctx.db, attemptId);
      const answers = rightAnswers(layout);
      await saveAnswers(w.app, w.ana, w.attempt(attemptId), answers);
      await saveAnswers(w.app, w.ana, w.attempt(attemptId), answers);
      expect(await ctx.db.selectFrom('attempt_answers').select('slot').execute()).toHaveLength(6);
      const dto = await getAttempt(w.app, w.ana, w.attempt(attemptId));
      expect(dto.questions[slotOf(layout, 'num1')].response).toEqual({ text: '6' });
      expect(dto.result).toBeUndefined();
      const strings = deepStrings(dto);
      for (const leak of [
        'review',
        'rightAnswer',
        'feedback',
        'generalFeedback',
        'fraction',
        'formula',
        'Right',
        'Yes.',
        'unemp',
      ])
        expect(strings, leak).not.toContain(leak);
      expect(JSON.stringify(dto)).not.toMatch(/100 \* unemp|Wrong, it is true/);
    });

    it('saves the valid answers of a page and reports the refused slots with stable codes', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      const layout = await readLayout(ctx.db, attemptId);
      const [num, mc, tf] = [slotOf(layout, 'num1'), slotOf(layout, 'mc1'), slotOf(layout, 'tf1')];
      await saveAnswers(w.app, w.ana, w.attempt(attemptId), { [num]: { text: '5' } });
      const result = await saveAnswers(w.app, w.ana, w.attempt(attemptId), {
        [num]: { text: 'six' },
        [mc]: { selected: ['9'] },
        [tf]: { selected: ['true'] },
        99: { text: '1' },
      });
      expect(result.slots).toEqual([tf]);
      expect(result.invalid).toEqual({
        [num]: 'answer.not_a_number',
        [mc]: 'answer.unknown_option',
        99: 'answer.no_such_question',
      });
      const rows = await ctx.db
        .selectFrom('attempt_answers')
        .select(['slot', 'response'])
        .orderBy('slot')
        .execute();
      // The refused number keeps what was saved before; the valid true/false is saved.
      expect(rows).toEqual(
        [
          { slot: num, response: JSON.stringify({ type: 'numerical', value: '5' }) },
          { slot: tf, response: JSON.stringify({ type: 'truefalse', value: true }) },
        ].sort((a, b) => a.slot - b.slot),
      );
      await expect(
        checkQuestion(w.app, w.ana, w.attempt(attemptId), tf, { selected: ['true'] }),
      ).rejects.toMatchObject({
        fields: { [`slot-${tf}`]: 'answer.not_checkable' },
      });
    });

    it('refuses a save after the time limit, keeps what was saved before and grades it', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      const layout = await readLayout(ctx.db, attemptId);
      const tf = slotOf(layout, 'tf1');
      await saveAnswers(w.app, w.ana, w.attempt(attemptId), { [tf]: { selected: ['true'] } });
      w.app.clock.advance(30 * MIN);
      const late = saveAnswers(w.app, w.ana, w.attempt(attemptId), {
        [slotOf(layout, 'num1')]: { text: '6' },
      });
      await expect(late).rejects.toBeInstanceOf(ConflictError);
      await expect(late).rejects.toMatchObject({ code: 'attempt.closed' });
      const dto = await getAttempt(w.app, w.ana, w.attempt(attemptId));
      expect(dto).toMatchObject({
        state: 'submitted',
        submittedBy: 'timeout',
        submittedAt: '2026-03-03T09:30:00.000Z',
      });
      expect(dto.questions[tf].response).toEqual({ selected: ['true'] });
      expect(dto.questions[tf].review?.state).toBe('correct');
      expect(dto.questions[slotOf(layout, 'num1')].response).toBeUndefined();
      // 1 of 5 auto-graded marks; the essay was not answered, so nothing waits for a tutor.
      expect(dto.result).toMatchObject({ marks: 1, maxMarks: 6, pendingQuestions: 0, passed: false });
    });

    it('does not let another learner or an outsider read or answer the attempt', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      await expect(saveAnswers(w.app, w.ben, w.attempt(attemptId), {})).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(getAttempt(w.app, w.ben, w.attempt(attemptId))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getAttempt(w.app, w.outsider, w.attempt(attemptId))).rejects.toBeInstanceOf(NotFoundError);
      await expect(submitAttempt(w.app, w.tutor, w.attempt(attemptId))).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      const asTutor = await getAttempt(w.app, w.tutor, w.attempt(attemptId));
      expect(asTutor.canAnswer).toBe(false);
      expect(asTutor.questions.every((q) => q.type === 'essay' || q.review?.rightAnswer !== undefined)).toBe(
        true,
      );
    });
  });

  describe('submitAttempt', () => {
    it('submits once under a burst of concurrent submits and grades on the server', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      const answers = rightAnswers(await readLayout(ctx.db, attemptId));
      await saveAnswers(w.app, w.ana, w.attempt(attemptId), answers);
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map(() => submitAttempt(w.app, w.ana, w.attempt(attemptId))),
      );
      expect(results.filter((r) => r.justSubmitted)).toHaveLength(1);
      const dto = await getAttempt(w.app, w.ana, w.attempt(attemptId));
      // Five right answers of one mark each; the essay waits for a tutor, so the grade is not final.
      expect(dto.result).toMatchObject({ marks: 5, maxMarks: 6, grade: null, pendingQuestions: 1 });
      expect(dto.questions.filter((q) => q.review?.state === 'correct')).toHaveLength(5);
      await expect(saveAnswers(w.app, w.ana, w.attempt(attemptId), answers)).rejects.toMatchObject({
        code: 'attempt.closed',
      });
    });

    it('saves the last page posted with the submit', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      const layout = await readLayout(ctx.db, attemptId);
      await submitAttempt(w.app, w.ana, w.attempt(attemptId), { [slotOf(layout, 'num1')]: { text: '6' } });
      expect((await getAttempt(w.app, w.ana, w.attempt(attemptId))).result?.marks).toBe(1);
    });
  });

  describe('finaliseOverdueAttempts', () => {
    it('submits attempts past their deadline once, stamped with the deadline', async () => {
      const w = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      await startAttempt(w.app, w.ben, w.quiz(w.week1));
      w.app.clock.advance(29 * MIN);
      expect(await finaliseOverdueAttempts(w.app)).toEqual({ finalised: 0 });
      w.app.clock.advance(2 * MIN);
      expect(await finaliseOverdueAttempts(w.app)).toEqual({ finalised: 2 });
      expect(await finaliseOverdueAttempts(w.app)).toEqual({ finalised: 0 });
      const row = await ctx.db
        .selectFrom('quiz_attempts')
        .selectAll()
        .where('id', '=', attemptId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        state: 'submitted',
        submitted_by: 'timeout',
        submitted_at: '2026-03-03T09:30:00.000Z',
        marks: 0,
      });
    });
  });

  describe('feedback modes', () => {
    it('immediate: a checked question shows its review at once and can no longer change', async () => {
      const w = await buildAssessmentWorld(ctx, worldYaml({ feedbackMode: 'immediate' }));
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      const layout = await readLayout(ctx.db, attemptId);
      const tf = slotOf(layout, 'tf1');
      const num = slotOf(layout, 'num1');
      await saveAnswers(w.app, w.ana, w.attempt(attemptId), { [num]: { text: '6' } });
      await checkQuestion(w.app, w.ana, w.attempt(attemptId), tf, { selected: ['false'] });
      const dto = await getAttempt(w.app, w.ana, w.attempt(attemptId));
      expect(dto.questions[tf].review).toMatchObject({
        state: 'incorrect',
        rightAnswer: { kind: 'boolean', value: true },
        feedback: ['Wrong, it is true.'],
      });
      expect(dto.questions[num].review).toBeUndefined();
      expect([dto.questions[tf].checked, dto.questions[num].checked]).toEqual([true, false]);
      const saved = await saveAnswers(w.app, w.ana, w.attempt(attemptId), {
        [tf]: { selected: ['true'] },
        [num]: { text: '7' },
      });
      expect(saved.invalid).toEqual({ [tf]: 'answer.checked' });
      expect(saved.slots).toEqual([num]);
      await expect(
        checkQuestion(w.app, w.ana, w.attempt(attemptId), tf, { selected: ['true'] }),
      ).rejects.toMatchObject({
        code: 'attempt.question_checked',
      });
      expect((await getAttempt(w.app, w.ana, w.attempt(attemptId))).questions[tf].response).toEqual({
        selected: ['false'],
      });
      await expect(
        checkQuestion(w.app, w.ana, w.attempt(attemptId), num, { text: 'x' }),
      ).rejects.toMatchObject({
        code: 'validation.invalid',
        fields: { [`slot-${num}`]: 'answer.not_a_number' },
      });
      await expect(
        checkQuestion(w.app, w.ana, w.attempt(attemptId), num, { text: ' ' }),
      ).rejects.toMatchObject({
        fields: { [`slot-${num}`]: 'answer.empty' },
      });
    });

    it('after-close: no marks or answers after submission until the quiz closes', async () => {
      const w = await buildAssessmentWorld(ctx, worldYaml({ feedbackMode: 'after-close' }));
      const { attemptId } = await startAttempt(w.app, w.ana, w.quiz(w.week1));
      await submitAttempt(
        w.app,
        w.ana,
        w.attempt(attemptId),
        rightAnswers(await readLayout(ctx.db, attemptId)),
      );
      const submitted = await getAttempt(w.app, w.ana, w.attempt(attemptId));
      expect(submitted.state).toBe('submitted');
      expect(submitted.result).toBeUndefined();
      expect(deepStrings(submitted)).not.toContain('rightAnswer');
      w.app.clock.set('2026-03-09T00:00:00.000Z');
      const closed = await getAttempt(w.app, w.ana, w.attempt(attemptId));
      expect(closed.result?.marks).toBe(5);
      expect(deepStrings(closed)).toContain('rightAnswer');
    });
  });
});
