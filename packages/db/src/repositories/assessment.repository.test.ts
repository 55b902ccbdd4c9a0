import type { Insertable } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildCohort, buildUser, forEachDialect } from '../testing/index.ts';
import type { Database, GradeState, Kysely, QuizAttemptTable } from '../index.ts';
import {
  findAttemptById,
  insertAttempt,
  listAnswers,
  listOverdueAttemptIds,
  updateOpenAttempt,
  upsertAnswer,
  upsertAnswers,
} from './assessment-attempt.repository.ts';
import { findQuizById, upsertQuiz } from './assessment-quiz.repository.ts';

const T = '2026-03-02T00:00:00.000Z';

async function quizWithAttempt(db: Kysely<Database>, deadline: string | null) {
  const cohort = await buildCohort(db);
  const user = await buildUser(db);
  const quiz = { id: `q-${cohort.id}`, cohort_id: cohort.id, quiz_key: 'week-1', week: 1, title: 'W1' };
  await upsertQuiz(db, {
    ...quiz,
    definition: '{}',
    opens_at: T,
    closes_at: null,
    created_at: T,
    updated_at: T,
  });
  const attempt: Insertable<QuizAttemptTable> = {
    id: `a-${cohort.id}`,
    quiz_id: quiz.id,
    user_id: user.id,
    attempt_number: 1,
    state: 'open',
    layout: '[]',
    started_at: T,
    deadline_at: deadline,
    pending_count: 0,
    updated_at: T,
  };
  await insertAttempt(db, attempt);
  return { quiz, attempt, user };
}

forEachDialect((ctx) => {
  describe('assessment repositories', () => {
    it('updates a quiz in place by cohort and key', async () => {
      const { quiz } = await quizWithAttempt(ctx.db, null);
      await upsertQuiz(ctx.db, {
        ...quiz,
        id: 'other-id',
        title: 'Renamed',
        definition: '{"x":1}',
        opens_at: T,
        closes_at: '2026-03-09T00:00:00.000Z',
        created_at: T,
        updated_at: T,
      });
      const row = await findQuizById(ctx.db, quiz.id);
      expect(row?.title).toBe('Renamed');
      expect(row?.closes_at).toBe('2026-03-09T00:00:00.000Z');
      expect(await findQuizById(ctx.db, 'other-id')).toBeUndefined();
    });

    it('refuses a second attempt with the same number', async () => {
      const { attempt } = await quizWithAttempt(ctx.db, null);
      await expect(insertAttempt(ctx.db, { ...attempt, id: 'dup' })).rejects.toThrow();
    });

    it('lets exactly one of two concurrent conditional updates close an open attempt', async () => {
      const { attempt } = await quizWithAttempt(ctx.db, null);
      const results = await Promise.all(
        [1, 2].map(() =>
          ctx.db
            .transaction()
            .execute((trx) => updateOpenAttempt(trx, attempt.id, { state: 'submitted', grade: 1.5 })),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const row = await findAttemptById(ctx.db, attempt.id);
      expect(row?.state).toBe('submitted');
      expect(row?.grade).toBe(1.5);
    });

    it('upserts an answer per slot', async () => {
      const { attempt } = await quizWithAttempt(ctx.db, null);
      await upsertAnswer(ctx.db, {
        attempt_id: attempt.id,
        slot: 0,
        response: '"a"',
        checked: 0,
        saved_at: T,
      });
      await upsertAnswer(ctx.db, {
        attempt_id: attempt.id,
        slot: 0,
        response: '"b"',
        checked: 0,
        saved_at: T,
      });
      await upsertAnswer(ctx.db, {
        attempt_id: attempt.id,
        slot: 1,
        response: null,
        checked: 0,
        saved_at: T,
      });
      const rows = await listAnswers(ctx.db, attempt.id);
      expect(rows.map((r) => [r.slot, r.response])).toEqual([
        [0, '"b"'],
        [1, null],
      ]);
    });

    it('upserts the answers of several slots at once: existing slots replaced, new ones added', async () => {
      const { attempt } = await quizWithAttempt(ctx.db, null);
      const row = (
        slot: number,
        response: string | null,
        grade: GradeState | null,
        fraction: number | null,
      ) => ({
        attempt_id: attempt.id,
        slot,
        response,
        checked: 0,
        grade_state: grade,
        fraction,
        matched: grade ? '[0]' : null,
        graded_by: null,
        comment: null,
        saved_at: T,
      });
      await upsertAnswer(ctx.db, {
        attempt_id: attempt.id,
        slot: 0,
        response: '"a"',
        checked: 1,
        saved_at: T,
      });
      await upsertAnswer(ctx.db, {
        attempt_id: attempt.id,
        slot: 2,
        response: '"c"',
        checked: 0,
        saved_at: T,
      });
      await upsertAnswers(ctx.db, [
        row(0, '"a"', 'correct', 1),
        row(1, null, 'unanswered', 0),
        row(2, '"z"', 'incorrect', 0),
      ]);
      await upsertAnswers(ctx.db, []);
      const rows = await listAnswers(ctx.db, attempt.id);
      expect(rows.map((r) => [r.slot, r.response, r.checked, r.grade_state, r.fraction, r.matched])).toEqual([
        [0, '"a"', 0, 'correct', 1, '[0]'],
        [1, null, 0, 'unanswered', 0, '[0]'],
        [2, '"z"', 0, 'incorrect', 0, '[0]'],
      ]);
    });

    it('upserts more answers than fit in one statement', async () => {
      const { attempt } = await quizWithAttempt(ctx.db, null);
      const rows = Array.from({ length: 1203 }, (_, slot) => ({
        attempt_id: attempt.id,
        slot,
        response: `"${slot}"`,
        checked: 0,
        grade_state: null,
        fraction: null,
        matched: null,
        graded_by: null,
        comment: null,
        saved_at: T,
      }));
      await upsertAnswers(ctx.db, rows);
      const stored = await listAnswers(ctx.db, attempt.id);
      expect(stored).toHaveLength(1203);
      expect(stored[1202].response).toBe('"1202"');
    });

    it('lists open attempts whose deadline has passed', async () => {
      const { attempt } = await quizWithAttempt(ctx.db, '2026-03-02T00:30:00.000Z');
      expect(await listOverdueAttemptIds(ctx.db, '2026-03-02T00:29:59.999Z')).toEqual([]);
      expect(await listOverdueAttemptIds(ctx.db, '2026-03-02T00:30:00.000Z')).toEqual([attempt.id]);
    });
  });
});
