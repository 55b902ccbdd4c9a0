import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { WORLD_GIFT, worldYaml } from '../assessment/attempt/assessment-world.testing.ts';
import { createCohort } from '../cohorts/cohort.commands.ts';
import { editDefault, writeCourseFiles } from '../content/course.factory.ts';
import { createTestApp } from '../testing/test-app.ts';
import { importContent } from './content-import.commands.ts';

forEachDialect((ctx) => {
  describe('importContent with a question bank', () => {
    let root: string;
    const courseDir = () => path.join(root, 'courses', 'tiny-course');
    const writeQuizzes = async (gift: string) => {
      await mkdir(path.join(courseDir(), 'quizzes'), { recursive: true });
      await writeFile(path.join(courseDir(), 'quizzes', 'weekly-assessments.yaml'), worldYaml());
      await writeFile(path.join(courseDir(), 'quizzes', 'week-1.gift'), gift);
    };
    const quizzesOf = (cohortId: string) =>
      ctx.db
        .selectFrom('quizzes')
        .select(['quiz_key', 'opens_at', 'closes_at'])
        .where('cohort_id', '=', cohortId)
        .orderBy('week')
        .execute();

    beforeEach(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'labmig-import-quiz-'));
      // The world's week-2 assessment stays open 14 days (to day 21): the course gets a third week to hold it.
      await writeCourseFiles(
        courseDir(),
        editDefault(
          'course.yaml',
          '  - { number: 2, title: Second week }',
          '  - { number: 2, title: Second week }\n  - { number: 3, title: Third week }',
        ),
      );
    });
    afterEach(() => rm(root, { recursive: true, force: true }));

    it('imports the bank and schedules the quizzes of the edition cohort and of cohorts created later', async () => {
      await writeQuizzes(WORLD_GIFT);
      const app = await createTestApp(ctx);
      const result = await importContent(app, root);
      expect(result.ok && result.courses[0].questionBank).toEqual({
        created: 6,
        versioned: 0,
        unchanged: 0,
        quizzes: 2,
      });
      // The 2020 edition starts on Monday 2020-10-26 in Europe/Rome (UTC+1 after the end of summer time).
      expect(await quizzesOf('tiny-course--2020')).toEqual([
        { quiz_key: 'week-1', opens_at: '2020-10-25T23:00:00.000Z', closes_at: '2020-11-01T23:00:00.000Z' },
        { quiz_key: 'week-2', opens_at: '2020-11-01T23:00:00.000Z', closes_at: '2020-11-15T23:00:00.000Z' },
      ]);

      const cohort = await createCohort(app, {
        courseSlug: 'tiny-course',
        startsOn: '2027-01-04',
        endsOn: '2027-02-12',
        timeZone: 'UTC',
      });
      expect(await quizzesOf(cohort.id)).toEqual([
        { quiz_key: 'week-1', opens_at: '2027-01-04T00:00:00.000Z', closes_at: '2027-01-11T00:00:00.000Z' },
        { quiz_key: 'week-2', opens_at: '2027-01-11T00:00:00.000Z', closes_at: '2027-01-25T00:00:00.000Z' },
      ]);
    });

    it('rejects the whole import when a GIFT file is broken, naming file, line and column', async () => {
      const app = await createTestApp(ctx);
      // WORLD_GIFT has 18 lines and ends with a newline: the blank line is 19, the broken question line 20.
      await writeQuizzes(`${WORLD_GIFT}\n::bad::Unclosed {=a ~b\n`);
      const result = await importContent(app, root);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const gift = path.join(courseDir(), 'quizzes', 'week-1.gift');
      expect(result.errors).toEqual([
        expect.objectContaining({ file: gift, code: 'content.question-bank', line: 20 }),
      ]);
      expect(result.errors[0].message).toMatch(/^column \d+: /);
      // Nothing was written: not the course, not a question.
      expect(await ctx.db.selectFrom('courses').select('id').execute()).toEqual([]);
      expect(await ctx.db.selectFrom('questions').select('id').execute()).toEqual([]);
    });
  });
});
