import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCohort, buildCourse, forEachDialect } from '@labmig/db/testing';
import { listQuestionVersions } from '@labmig/db';
import { createTestApp } from '../../testing/test-app.ts';
import { getLearnerGradebook } from '../gradebook/gradebook.queries.ts';
import { startAttempt } from '../attempt/attempt.commands.ts';
import { getAttempt } from '../attempt/attempt.commands.ts';
import { buildEnrolment, buildUser } from '@labmig/db/testing';
import { importQuestionBank } from './bank-import.commands.ts';
import { WORLD_GIFT, worldYaml, writeCourseDir } from '../attempt/assessment-world.testing.ts';

forEachDialect((ctx) => {
  describe('importQuestionBank', () => {
    it('imports categories, questions and quizzes, and versions only changed questions', async () => {
      const app = await createTestApp(ctx);
      const course = await buildCourse(ctx.db);
      const files = { 'week-1.gift': WORLD_GIFT, 'weekly-assessments.yaml': worldYaml() };
      const first = await importQuestionBank(app, { courseId: course.id, courseDir: writeCourseDir(files) });
      expect(first).toMatchObject({ ok: true, versioned: [], unchanged: 0, quizzes: 2 });
      expect(first.ok && [...first.created].sort()).toEqual([
        'calc1',
        'essay1',
        'mc1',
        'multi1',
        'num1',
        'tf1',
      ]);
      const categories = await ctx.db
        .selectFrom('question_categories')
        .select('path')
        .orderBy('path')
        .execute();
      expect(categories.map((c) => c.path)).toEqual(['week-1/basics', 'week-1/essays']);

      const again = await importQuestionBank(app, { courseId: course.id, courseDir: writeCourseDir(files) });
      expect(again).toMatchObject({ ok: true, created: [], versioned: [], unchanged: 6 });

      // A changed answer and a question moved down two lines: only the first is a new version.
      const edited = WORLD_GIFT.replace('{#6:0}', '{#6:1}').replace('::mc1::', '\n\n::mc1::');
      const third = await importQuestionBank(app, {
        courseId: course.id,
        courseDir: writeCourseDir({ ...files, 'week-1.gift': edited }),
      });
      expect(third).toMatchObject({ ok: true, created: [], versioned: ['num1'], unchanged: 5 });
      const versions = await listQuestionVersions(ctx.db, course.id);
      expect(versions.filter((v) => v.name === 'num1').map((v) => v.version)).toEqual([1, 2]);
      expect(versions.filter((v) => v.name === 'mc1').map((v) => v.version)).toEqual([1]);
    });

    it('rejects a bank with a GIFT syntax error whole, with file, line and column, and writes nothing', async () => {
      const app = await createTestApp(ctx);
      const course = await buildCourse(ctx.db);
      const broken = `${WORLD_GIFT}\n::bad::Unclosed {=a ~b\n`;
      const result = await importQuestionBank(app, {
        courseId: course.id,
        courseDir: writeCourseDir({ 'week-1.gift': broken, 'weekly-assessments.yaml': worldYaml() }),
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems[0]).toMatchObject({ code: 'gift.unclosed-answers', line: 20 });
      expect(result.problems[0].file.endsWith('week-1.gift')).toBe(true);
      expect(await ctx.db.selectFrom('questions').select('id').execute()).toEqual([]);
      expect(await ctx.db.selectFrom('quiz_definitions').select('id').execute()).toEqual([]);
    });

    it('rejects quizzes that name a missing question', async () => {
      const app = await createTestApp(ctx);
      const course = await buildCourse(ctx.db);
      const yaml = worldYaml().replace('{ question: mc1 }', '{ question: nope }');
      const result = await importQuestionBank(app, {
        courseId: course.id,
        courseDir: writeCourseDir({ 'week-1.gift': WORLD_GIFT, 'weekly-assessments.yaml': yaml }),
      });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems[0].message).toContain('"nope"');
      expect(await ctx.db.selectFrom('questions').select('id').execute()).toEqual([]);
    });

    it('schedules each cohort’s quizzes from its start date and time zone', async () => {
      const app = await createTestApp(ctx);
      const course = await buildCourse(ctx.db);
      const cohort = await buildCohort(ctx.db, {
        course_id: course.id,
        starts_on: '2026-03-02',
        time_zone: 'Europe/Paris',
      });
      await importQuestionBank(app, {
        courseId: course.id,
        courseDir: writeCourseDir({ 'week-1.gift': WORLD_GIFT, 'weekly-assessments.yaml': worldYaml() }),
      });
      const quizzes = await ctx.db
        .selectFrom('quizzes')
        .selectAll()
        .where('cohort_id', '=', cohort.id)
        .orderBy('week')
        .execute();
      expect(quizzes.map((q) => [q.quiz_key, q.opens_at, q.closes_at])).toEqual([
        ['week-1', '2026-03-01T23:00:00.000Z', '2026-03-08T23:00:00.000Z'],
        // Week 2 closes 14 days after it opens (closeAfterDays); Paris is on summer time from 29 March.
        ['week-2', '2026-03-08T23:00:00.000Z', '2026-03-22T23:00:00.000Z'],
      ]);
    });

    it('imports the real course bank, and a learner can take the week-1 assessment', async () => {
      const app = await createTestApp(ctx, '2026-03-03T09:00:00.000Z');
      const course = await buildCourse(ctx.db);
      const cohort = await buildCohort(ctx.db, {
        course_id: course.id,
        starts_on: '2026-03-02',
        time_zone: 'UTC',
      });
      const courseDir = fileURLToPath(
        new URL('../../../../../content/courses/measuring-labour-migration/', import.meta.url),
      );
      const first = await importQuestionBank(app, { courseId: course.id, courseDir });
      expect(first).toMatchObject({ ok: true, quizzes: 6, cohortsScheduled: 1, versioned: [], unchanged: 0 });
      expect(first.ok && first.created.length).toBeGreaterThan(60);
      const again = await importQuestionBank(app, { courseId: course.id, courseDir });
      expect(again).toMatchObject({
        ok: true,
        created: [],
        versioned: [],
        unchanged: first.ok ? first.created.length : -1,
      });
      const user = await buildUser(ctx.db);
      await buildEnrolment(ctx.db, { cohort_id: cohort.id, user_id: user.id });
      const actor = {
        kind: 'user' as const,
        userId: user.id,
        name: user.name,
        email: user.email,
        locale: 'en' as const,
        isAdmin: false,
      };
      const book = await getLearnerGradebook(app, actor, cohort.id);
      expect(book.quizzes.map((q) => q.requirement)).toEqual([
        'to-do',
        'not-open',
        'not-open',
        'not-open',
        'not-open',
        'not-open',
      ]);
      const { attemptId } = await startAttempt(app, actor, {
        cohortId: cohort.id,
        quizId: book.quizzes[0].quizId,
      });
      // Week 1: two fixed calculated questions + 3 + 5 drawn from two categories.
      expect((await getAttempt(app, actor, { cohortId: cohort.id, attemptId })).questions).toHaveLength(10);
    });

    it('skips a course without quiz definitions', async () => {
      const app = await createTestApp(ctx);
      const course = await buildCourse(ctx.db);
      expect(
        await importQuestionBank(app, { courseId: course.id, courseDir: writeCourseDir({}) }),
      ).toMatchObject({
        ok: true,
        skipped: true,
      });
    });
  });
});
