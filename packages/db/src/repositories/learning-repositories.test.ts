import { describe, expect, it } from 'vitest';
import { buildCohort, buildEnrolment, buildUser, forEachDialect } from '../testing/index.ts';
import { newId } from '../ids.ts';
import {
  deleteLessonDone,
  insertLessonDone,
  listLessonsDone,
  listLessonsDoneInCohort,
} from './learning-progress.repository.ts';
import {
  deleteCalendarFeedToken,
  findCalendarFeedTokenOfEnrolment,
  findEnrolmentByFeedToken,
  replaceCalendarFeedToken,
} from './learning-feed.repository.ts';

const AT = '2026-03-03T10:00:00.000Z';

forEachDialect((ctx) => {
  async function enrolment(cohortId?: string) {
    const cohort = cohortId ? { id: cohortId } : await buildCohort(ctx.db);
    const user = await buildUser(ctx.db);
    return buildEnrolment(ctx.db, { cohort_id: cohort.id, user_id: user.id });
  }
  const done = (enrolmentId: string, lessonId: string, at = AT) => ({
    id: newId(),
    enrolment_id: enrolmentId,
    module_id: '01-alpha',
    lesson_id: lessonId,
    completed_at: at,
  });

  describe('lesson progress', () => {
    it('records a lesson once, keeping the first completion time', async () => {
      const e = await enrolment();
      expect(await insertLessonDone(ctx.db, done(e.id, '01-first'))).toBe(true);
      expect(await insertLessonDone(ctx.db, done(e.id, '01-first', '2026-03-04T00:00:00.000Z'))).toBe(false);
      const rows = await listLessonsDone(ctx.db, e.id);
      expect(rows.map((r) => [r.lesson_id, r.completed_at])).toEqual([['01-first', AT]]);
    });

    it('removes a lesson and reports whether there was one', async () => {
      const e = await enrolment();
      await insertLessonDone(ctx.db, done(e.id, '01-first'));
      expect(await deleteLessonDone(ctx.db, e.id, '01-alpha', '01-first')).toBe(true);
      expect(await deleteLessonDone(ctx.db, e.id, '01-alpha', '01-first')).toBe(false);
      expect(await listLessonsDone(ctx.db, e.id)).toEqual([]);
    });

    it('lists the progress of one cohort only', async () => {
      const a = await enrolment();
      const b = await enrolment(a.cohort_id);
      const other = await enrolment();
      await insertLessonDone(ctx.db, done(a.id, '01-first'));
      await insertLessonDone(ctx.db, done(b.id, '02-second'));
      await insertLessonDone(ctx.db, done(other.id, '01-first'));
      const rows = await listLessonsDoneInCohort(ctx.db, a.cohort_id);
      expect(rows.map((r) => `${r.enrolment_id === a.id ? 'a' : 'b'}:${r.lesson_id}`).sort()).toEqual([
        'a:01-first',
        'b:02-second',
      ]);
    });

    it('refuses progress of an unknown enrolment', async () => {
      await expect(insertLessonDone(ctx.db, done('missing', '01-first'))).rejects.toThrow();
    });
  });

  describe('calendar feed tokens', () => {
    it('keeps one token per enrolment; a new one replaces the old, revoking removes it', async () => {
      const e = await enrolment();
      await replaceCalendarFeedToken(ctx.db, { id: 'hash-1', enrolment_id: e.id, created_at: AT });
      expect((await findEnrolmentByFeedToken(ctx.db, 'hash-1'))?.id).toBe(e.id);
      await replaceCalendarFeedToken(ctx.db, { id: 'hash-2', enrolment_id: e.id, created_at: AT });
      expect(await findEnrolmentByFeedToken(ctx.db, 'hash-1')).toBeUndefined();
      expect(await findEnrolmentByFeedToken(ctx.db, 'hash-2')).toMatchObject({
        id: e.id,
        cohort_id: e.cohort_id,
        user_id: e.user_id,
        status: 'active',
      });
      expect(await deleteCalendarFeedToken(ctx.db, e.id)).toBe(true);
      expect(await findCalendarFeedTokenOfEnrolment(ctx.db, e.id)).toBeUndefined();
      expect(await deleteCalendarFeedToken(ctx.db, e.id)).toBe(false);
    });

    it('refuses the same enrolment twice without replacing', async () => {
      const e = await enrolment();
      await replaceCalendarFeedToken(ctx.db, { id: 'hash-1', enrolment_id: e.id, created_at: AT });
      await expect(
        ctx.db
          .insertInto('calendar_feed_tokens')
          .values({ id: 'x', enrolment_id: e.id, created_at: AT })
          .execute(),
      ).rejects.toThrow();
    });
  });
});
