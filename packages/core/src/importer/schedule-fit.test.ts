import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { WORLD_ASSIGNMENTS } from '../assignments/testing/assignment-world.testing.ts';
import { createCohort } from '../cohorts/cohort.commands.ts';
import { writeCourseFiles } from '../content/course.factory.ts';
import { createTestApp } from '../testing/test-app.ts';
import { importContent } from './content-import.commands.ts';
import { checkContent } from './content.check.ts';

const quick = WORLD_ASSIGNMENTS['assignments/quick.md']!;

describe('the schedule rule in `labmig content check`', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'labmig-schedule-check-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('refuses the final assignment of the real course as it was (due week 6 day 14, 7 late days), naming it', async () => {
    const real = fileURLToPath(
      new URL('../../../../content/courses/measuring-labour-migration', import.meta.url),
    );
    const dir = path.join(root, 'courses', 'measuring-labour-migration');
    await cp(real, dir, { recursive: true });
    const file = path.join(dir, 'assignments', 'final-statistical-note.md');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace(/^due: .*\nlateDays: \d+$/m, 'due: { week: 6, day: 14, time: "23:59" }\nlateDays: 7'),
    );
    const report = await checkContent(root);
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [path.relative(dir, e.file), e.line, e.code])).toEqual([
      ['assignments/final-statistical-note.md', 18, 'content.schedule-overrun'],
    ]);
    expect(report.errors[0]!.message).toBe(
      'the assignment final-statistical-note ("Final assignment: a statistical note on labour migration in your ' +
        'country") takes late work until course day 56 (due day + lateDays), after the end of the course\'s 6 weeks ' +
        "(42 days): no deadline may fall after a cohort's last day. Make it end by day 42.",
    );
  });

  it('refuses a week-6 assessment that closes after the last day of the 2020 edition', async () => {
    const real = fileURLToPath(
      new URL('../../../../content/courses/measuring-labour-migration', import.meta.url),
    );
    const dir = path.join(root, 'courses', 'measuring-labour-migration');
    await cp(real, dir, { recursive: true });
    const file = path.join(dir, 'quizzes', 'weekly-assessments.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^\s+closeAfterDays: 5.*\n/m, ''));
    const report = await checkContent(root);
    expect(report.errors.map((e) => [path.relative(dir, e.file), e.code, e.message])).toEqual([
      [
        'quizzes/weekly-assessments.yaml',
        'content.schedule-overrun',
        'the weekly assessment week-6 ("Week 6 knowledge assessment: recruitment costs (SDG 10.7.1)") closes after ' +
          'course day 42 (2020-12-06), after the end of the edition "2020 edition" (2020-10-26 – 2020-12-04): no ' +
          "deadline may fall after a cohort's last day. Make it end by day 40.",
      ],
    ]);
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[report.errors[0]!.line - 1]).toContain('id: week-6');
  });
});

forEachDialect((ctx) => {
  describe('the schedule rule at content import', () => {
    let root: string;
    const courseDir = () => path.join(root, 'courses', 'tiny-course');
    beforeEach(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'labmig-schedule-import-'));
      await writeCourseFiles(courseDir(), WORLD_ASSIGNMENTS);
    });
    afterEach(() => rm(root, { recursive: true, force: true }));

    it('refuses a course whose assignment closes after its two weeks, and writes nothing', async () => {
      const app = await createTestApp(ctx);
      await writeCourseFiles(courseDir(), {
        ...WORLD_ASSIGNMENTS,
        'assignments/quick.md': quick.replace('lateDays: 0', 'lateDays: 2'),
      });
      const result = await importContent(app, root);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors.map((e) => [path.basename(e.file), e.line, e.code])).toEqual([
        ['quick.md', 6, 'content.schedule-overrun'],
      ]);
      expect(!result.ok && result.errors[0]!.message).toContain('the assignment quick ("Quick exercise")');
      expect(await ctx.db.selectFrom('courses').select('id').execute()).toEqual([]);
    });

    it('refuses a new version that no longer fits a cohort that has not ended', async () => {
      const app = await createTestApp(ctx, '2026-02-01T09:00:00.000Z');
      const oneWeek = { ...WORLD_ASSIGNMENTS, 'assignments/quick.md': quick.replace('week: 2', 'week: 1') };
      await writeCourseFiles(courseDir(), oneWeek);
      expect((await importContent(app, root)).ok).toBe(true);
      // The last deadline is now day 10 ("Sources in your country", due day 7 + 3 late days).
      await createCohort(app, {
        courseSlug: 'tiny-course',
        title: 'Short spring',
        startsOn: '2026-03-02',
        endsOn: '2026-03-12',
      });
      // The quick exercise back in week 2 (day 14): within the course's two weeks, after the cohort's end.
      await writeCourseFiles(courseDir(), WORLD_ASSIGNMENTS);
      const before = await ctx.db.selectFrom('courses').select(['content_hash']).executeTakeFirstOrThrow();
      const result = await importContent(app, root);
      expect(!result.ok && result.errors.map((e) => e.message)).toEqual([
        'the assignment quick ("Quick exercise") takes late work until course day 14 (due day + lateDays) (2026-03-15), ' +
          'after the end of the cohort "Short spring" (2026-03-02 – 2026-03-12): no deadline may fall after a ' +
          "cohort's last day. Make it end by day 11.",
      ]);
      expect(await ctx.db.selectFrom('courses').select(['content_hash']).executeTakeFirstOrThrow()).toEqual(
        before,
      );
      // Once the cohort has ended, it no longer holds the new version back.
      app.clock.set(new Date('2026-03-13T12:00:00Z'));
      expect((await importContent(app, root)).ok).toBe(true);
    });
  });
});
