import { describe, expect, it } from 'vitest';
import { buildCohort, buildUser, forEachDialect } from '../testing/index.ts';
import type { Database, Kysely } from '../index.ts';
import {
  findAttemptById,
  insertAttempt,
  listAnswers,
  listOverdueAttemptIds,
  updateOpenAttempt,
  upsertAnswer,
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
  const attempt = {
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

    it('lists open attempts whose deadline has passed', async () => {
      const { attempt } = await quizWithAttempt(ctx.db, '2026-03-02T00:30:00.000Z');
      expect(await listOverdueAttemptIds(ctx.db, '2026-03-02T00:29:59.999Z')).toEqual([]);
      expect(await listOverdueAttemptIds(ctx.db, '2026-03-02T00:30:00.000Z')).toEqual([attempt.id]);
    });
  });
});
