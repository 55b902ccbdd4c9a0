import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { editDefault, writeCourseFiles } from '../content/course.factory.ts';
import { getCoursePage, listCatalogue } from '../catalogue/catalogue.queries.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { createTestApp } from '../testing/test-app.ts';
import { importContent } from './content-import.commands.ts';

forEachDialect((ctx) => {
  describe('importContent', () => {
    let root: string;
    const courseDir = () => path.join(root, 'courses', 'tiny-course');
    beforeEach(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'labmig-import-'));
      await writeCourseFiles(courseDir());
    });
    afterEach(() => rm(root, { recursive: true, force: true }));

    it('creates the course and its edition cohort, then changes nothing when run again', async () => {
      const app = await createTestApp(ctx);
      const first = await importContent(app, root);
      expect(first.ok && first.courses.map((c) => [c.slug, c.action, c.cohortsCreated])).toEqual([
        ['tiny-course', 'created', 1],
      ]);
      const before = await ctx.db.selectFrom('courses').selectAll().executeTakeFirstOrThrow();
      app.clock.advance(60_000);
      const second = await importContent(app, root);
      expect(second.ok && second.courses.map((c) => [c.action, c.cohortsCreated])).toEqual([
        ['unchanged', 0],
      ]);
      expect(await ctx.db.selectFrom('courses').selectAll().executeTakeFirstOrThrow()).toEqual(before);
      expect(
        await ctx.db
          .selectFrom('cohorts')
          .select(['id', 'title', 'starts_on', 'ends_on', 'time_zone'])
          .execute(),
      ).toEqual([
        {
          id: 'tiny-course--2020',
          title: '2020 edition',
          starts_on: '2020-10-26',
          ends_on: '2020-12-04',
          time_zone: 'Europe/Rome',
        },
      ]);
    });

    it('updates the course when a file changes', async () => {
      const app = await createTestApp(ctx);
      await importContent(app, root);
      await writeCourseFiles(
        courseDir(),
        editDefault('course.yaml', 'title: Tiny course', 'title: Tiny course, revised'),
      );
      const result = await importContent(app, root);
      expect(result.ok && result.courses[0].action).toBe('updated');
      expect((await getCoursePage(app, { kind: 'anonymous' }, 'tiny-course')).title).toBe(
        'Tiny course, revised',
      );
    });

    it('reports file:line for a broken file and keeps the previous version', async () => {
      const app = await createTestApp(ctx);
      await importContent(app, root);
      const moduleFile = path.join(courseDir(), 'modules', '01-alpha', 'module.yaml');
      await writeCourseFiles(courseDir(), editDefault('course.yaml', 'title: Tiny course', 'title: Changed'));
      await writeFile(moduleFile, 'title: Module\nweek: 9\nhours: 3\n');
      const result = await importContent(app, root);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.errors.every((e) => e.file.length > 0 && e.line >= 1)).toBe(true);
      expect(result.errors.some((e) => e.file === moduleFile)).toBe(true);
      expect((await getCoursePage(app, { kind: 'anonymous' }, 'tiny-course')).title).toBe('Tiny course');
    });
  });

  describe('catalogue and course page', () => {
    it('presents the imported course with its module outline and cohorts', async () => {
      const root = await mkdtemp(path.join(tmpdir(), 'labmig-import-'));
      try {
        await writeCourseFiles(path.join(root, 'courses', 'tiny-course'));
        const app = await createTestApp(ctx, '2026-03-10T09:00:00.000Z');
        await importContent(app, root);
        const page = await getCoursePage(app, { kind: 'anonymous' }, 'tiny-course');
        expect(page).toMatchObject({
          slug: 'tiny-course',
          title: 'Tiny course',
          learningHours: 6,
          hasFrench: false,
        });
        expect(page.faq).toEqual([{ question: 'Why?', answer: 'Because.' }]);
        expect(page.modules.map((m) => [m.id, m.week, m.hours, m.lessonCount])).toEqual([
          ['01-alpha', 1, 3, 2],
          ['02-beta', 2, 3, 2],
        ]);
        expect(page).not.toHaveProperty('editions');
        expect(page.cohorts.map((c) => [c.id, c.enrolState, c.mine])).toEqual([
          ['tiny-course--2020', 'closed', null],
        ]);
        const catalogue = await listCatalogue(app, { kind: 'anonymous' });
        expect(
          catalogue.map((c) => [c.slug, c.title, c.moduleCount, c.weekCount, c.featuredCohort?.id]),
        ).toEqual([['tiny-course', 'Tiny course', 2, 2, 'tiny-course--2020']]);
        await expect(getCoursePage(app, { kind: 'anonymous' }, 'nope')).rejects.toThrow(NotFoundError);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });
  });
});
