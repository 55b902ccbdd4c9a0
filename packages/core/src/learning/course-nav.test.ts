import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { getCourseNav } from './course-nav.queries.ts';
import { markLesson } from './progress.commands.ts';
import { expectLearningRefusals, setUpLearning } from './testing/learning-setup.ts';

forEachDialect((ctx) => {
  describe('getCourseNav', () => {
    it('lists weeks, modules and lessons with the learner’s done lessons and links', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      await markLesson(app, actors.learner, {
        cohortId,
        moduleId: '01-alpha',
        lessonId: '02-second',
        done: true,
      });
      const nav = await getCourseNav(app, actors.learner, cohortId, 'en');
      const base = `/cohorts/${cohortId}/learn`;
      expect(nav.courseTitle).toBe('Tiny course');
      expect(nav.tracksProgress).toBe(true);
      expect(nav.weeks.map((w) => [w.number, w.title, w.readable, w.opensOn])).toEqual([
        [1, 'First week', true, '2026-03-02'],
        [2, 'Second week', false, '2026-03-09'],
      ]);
      const alpha = nav.weeks[0]!.modules[0]!;
      expect(alpha).toMatchObject({
        id: '01-alpha',
        number: 1,
        title: 'Module 01-alpha',
        href: `${base}/01-alpha`,
        slidesHref: `${base}/01-alpha/slides`,
      });
      expect(alpha.lessons).toEqual([
        { id: '01-first', title: 'First', href: `${base}/01-alpha/01-first`, done: false },
        { id: '02-second', title: 'Second', href: `${base}/01-alpha/02-second`, done: true },
      ]);
      expect(nav.links).toEqual({
        home: base,
        calendar: `${base}/calendar`,
        glossary: `${base}/glossary`,
        assessments: `/cohorts/${cohortId}/assessments`,
      });
      // Another learner's progress is their own.
      const other = await getCourseNav(app, actors.other, cohortId, 'en');
      expect(other.weeks[0]!.modules[0]!.lessons.map((l) => l.done)).toEqual([false, false]);
    });

    it('gives staff every week readable, no done marks and no assessments link', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      for (const who of [actors.tutor, actors.manager, actors.admin]) {
        const nav = await getCourseNav(app, who, cohortId, 'en');
        expect(nav.tracksProgress).toBe(false);
        expect(nav.weeks.map((w) => w.readable)).toEqual([true, true]);
        expect(nav.links.assessments).toBeNull();
      }
    });

    it('names weeks, modules and the course in French when the course gives French titles', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const row = await ctx.db.selectFrom('courses').select(['id', 'definition']).executeTakeFirstOrThrow();
      const definition = JSON.parse(row.definition) as {
        fr?: { title: string };
        weeks: { fr?: { title: string } }[];
        modules: { fr?: { title: string } }[];
      };
      definition.fr = { title: 'Petit cours' };
      definition.weeks[0]!.fr = { title: 'Première semaine' };
      definition.modules[0]!.fr = { title: 'Module alpha' };
      await ctx.db
        .updateTable('courses')
        .set({ definition: JSON.stringify(definition) })
        .where('id', '=', row.id)
        .execute();
      const fr = await getCourseNav(app, actors.learner, cohortId, 'fr');
      expect(fr.courseTitle).toBe('Petit cours');
      expect(fr.weeks.map((w) => w.title)).toEqual(['Première semaine', 'Second week']);
      expect(fr.weeks.map((w) => w.modules[0]!.title)).toEqual(['Module alpha', 'Module 02-beta']);
      // Lessons have no French version.
      expect(fr.weeks[0]!.modules[0]!.lessons.map((l) => l.title)).toEqual(['First', 'Second']);
      const en = await getCourseNav(app, actors.learner, cohortId, 'en');
      expect(en.weeks[0]!.modules[0]!.title).toBe('Module 01-alpha');
    });

    it('shows a manager previewing week N what a learner sees then: later weeks not open, nothing done', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      for (const who of [actors.manager, actors.admin]) {
        const first = await getCourseNav(app, who, cohortId, 'en', 1);
        expect(first.weeks.map((w) => [w.number, w.readable])).toEqual([
          [1, true],
          [2, false],
        ]);
        expect(first.tracksProgress).toBe(false);
        const second = await getCourseNav(app, who, cohortId, 'en', 2);
        expect(second.weeks.map((w) => w.readable)).toEqual([true, true]);
      }
      await expect(getCourseNav(app, actors.manager, cohortId, 'en', 9)).rejects.toMatchObject({
        code: 'learning.week_not_found',
      });
      for (const who of [actors.tutor, actors.learner])
        await expect(getCourseNav(app, who, cohortId, 'en', 1)).rejects.toMatchObject({
          name: 'ForbiddenError',
        });
    });

    it('refuses outsiders, waitlisted and withdrawn learners and anonymous visitors', async () => {
      const setup = await setUpLearning(ctx);
      await expectLearningRefusals(setup, (actor, cohortId) =>
        getCourseNav(setup.app, actor, cohortId, 'en'),
      );
    });
  });
});
