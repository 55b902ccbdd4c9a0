import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../errors/domain-errors.ts';
import { getCourseHome, previewWeek } from './course-home.queries.ts';
import { getGlossaryPage } from './glossary-page.queries.ts';
import { getLessonPage } from './lesson-page.queries.ts';
import { getModulePage } from './module-page.queries.ts';
import { markLesson } from './progress.commands.ts';
import { getSlideDeck } from './slide-deck.queries.ts';
import { expectLearningRefusals, setUpLearning } from './testing/learning-setup.ts';

forEachDialect((ctx) => {
  describe('getCourseHome', () => {
    it('shows a learner in week 1 week 1 open, week 2 as an outline, what is next and the deadlines', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const home = await getCourseHome(app, actors.learner, cohortId, 'en');
      expect(home.currentWeek).toBe(1);
      expect(home.weeks.map((w) => [w.number, w.state, w.opensOn, w.dueOn])).toEqual([
        [1, 'open', '2026-03-02', '2026-03-08'],
        [2, 'outline', '2026-03-09', '2026-03-15'],
      ]);
      expect(home.thisWeek?.modules.map((m) => m.id)).toEqual(['01-alpha']);
      expect(home.next).toMatchObject({ moduleId: '01-alpha', lessonId: '01-first' });
      expect(home.next?.href).toBe(`/cohorts/${cohortId}/learn/01-alpha/01-first`);
      // Sunday 8 March 2026 23:59 in Rome (UTC+1) is 22:59 UTC.
      expect(home.deadlines.map((d) => d.dueAt)).toEqual([
        '2026-03-08T22:59:00.000Z',
        '2026-03-15T22:59:00.000Z',
      ]);
      expect(home.progress).toEqual({
        lessonsDone: 0,
        lessonsTotal: 4,
        fraction: 0,
        hoursDone: 0,
        hoursTotal: 6,
      });
      expect(home.weeks[0]!.offlinePackHref).not.toBeNull();
      expect(home.weeks[1]!.offlinePackHref).toBeNull();
      expect(home.viewer).toMatchObject({
        role: 'learner',
        tracksProgress: true,
        canPreview: false,
        canSeeGrid: false,
      });
    });

    it('lists the assessment closes among the deadlines and links the assessment pages by role', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const quiz = (key: string, week: number, closesAt: string | null) => ({
        id: `quiz-${key}`,
        cohort_id: cohortId,
        quiz_key: key,
        week,
        title: `Assessment ${key}`,
        definition: '{}',
        opens_at: '2026-03-02T08:00:00.000Z',
        closes_at: closesAt,
        created_at: '2026-03-01T00:00:00.000Z',
        updated_at: '2026-03-01T00:00:00.000Z',
      });
      await ctx.db
        .insertInto('quizzes')
        .values([
          quiz('w1', 1, '2026-03-10T22:00:00.000Z'),
          quiz('old', 1, '2026-03-04T22:00:00.000Z'),
          quiz('open', 2, null),
        ])
        .execute();
      const home = await getCourseHome(app, actors.learner, cohortId, 'en');
      expect(home.deadlines.map((d) => [d.kind, d.title, d.dueOn, d.href])).toEqual([
        ['week', 'First week', '2026-03-08', null],
        // 22:00 UTC on 10 March is 23:00 in Rome.
        ['assessment', 'Assessment w1', '2026-03-10', `/cohorts/${cohortId}/assessments/quiz-w1`],
        ['week', 'Second week', '2026-03-15', null],
      ]);
      expect(home.links).toMatchObject({
        assessments: `/cohorts/${cohortId}/assessments`,
        gradebook: null,
        grading: null,
      });
      for (const who of [actors.tutor, actors.manager, actors.admin]) {
        const staff = await getCourseHome(app, who, cohortId, 'en');
        expect(staff.links).toMatchObject({
          assessments: null,
          gradebook: `/cohorts/${cohortId}/gradebook`,
          grading: `/cohorts/${cohortId}/grading`,
        });
        expect(staff.deadlines.find((d) => d.kind === 'assessment')?.href).toBeNull();
      }
    });

    it('opens week 2 at local midnight and drops past deadlines', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx, '2026-03-08T23:00:00.000Z');
      const home = await getCourseHome(app, actors.learner, cohortId, 'fr');
      expect(home.currentWeek).toBe(2);
      expect(home.weeks.map((w) => w.state)).toEqual(['open', 'open']);
      expect(home.deadlines.map((d) => d.week)).toEqual([2]);
    });

    it('refuses outsiders, waitlisted and withdrawn learners and anonymous visitors', async () => {
      const setup = await setUpLearning(ctx);
      await expectLearningRefusals(setup, (actor, cohortId) =>
        getCourseHome(setup.app, actor, cohortId, 'en'),
      );
    });
  });

  describe('markLesson', () => {
    it('marks a lesson done idempotently and changes module and course progress', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const input = { cohortId, moduleId: '01-alpha', lessonId: '01-first', done: true };
      const first = await markLesson(app, actors.learner, input);
      expect(first).toMatchObject({
        changed: true,
        module: { lessonsDone: 1, fraction: 0.5, hoursDone: 1, hoursTotal: 3 },
      });
      expect(first.course).toMatchObject({ lessonsDone: 1, fraction: 0.25, hoursDone: 1, hoursTotal: 6 });
      expect((await markLesson(app, actors.learner, input)).changed).toBe(false);
      const home = await getCourseHome(app, actors.learner, cohortId, 'en');
      expect(home.progress?.lessonsDone).toBe(1);
      expect(home.next?.lessonId).toBe('02-second');
      expect(home.thisWeek?.modules[0]?.lessons.map((l) => l.done)).toEqual([true, false]);
      // Another learner's progress is their own.
      expect((await getCourseHome(app, actors.other, cohortId, 'en')).progress?.lessonsDone).toBe(0);
      const undone = await markLesson(app, actors.learner, { ...input, done: false });
      expect(undone).toMatchObject({ changed: true, course: { lessonsDone: 0 } });
    });

    it.each([
      ['a tutor', 'tutor', ForbiddenError, 'learning.not_a_learner'],
      ['a manager', 'manager', ForbiddenError, 'learning.not_a_learner'],
      ['a site admin', 'admin', ForbiddenError, 'learning.not_a_learner'],
      ['an outsider', 'outsider', ForbiddenError, 'learning.not_a_learner'],
      ['a waitlisted learner', 'waitlisted', ForbiddenError, 'learning.enrolment_inactive'],
      ['a withdrawn learner', 'withdrawn', ForbiddenError, 'learning.enrolment_inactive'],
    ] as const)('refuses %s with %s', async (_label, who, type, code) => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const call = markLesson(app, actors[who], {
        cohortId,
        moduleId: '01-alpha',
        lessonId: '01-first',
        done: true,
      });
      await expect(call).rejects.toThrow(type);
      await expect(call).rejects.toMatchObject({ code });
    });

    it('refuses a week not yet open, a missing lesson or module, each with its own code and French message', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const mark = (moduleId: string, lessonId: string) =>
        markLesson(app, actors.learner, { cohortId, moduleId, lessonId, done: true });
      await expect(mark('02-beta', '01-first')).rejects.toThrow(ConflictError);
      const closed = (await mark('02-beta', '01-first').catch((e: unknown) => e)) as ConflictError;
      expect(closed.code).toBe('learning.week_not_open');
      expect(closed.localize('fr')).toBe('Cette semaine n’est pas encore ouverte.');
      await expect(mark('01-alpha', '09-none')).rejects.toMatchObject({
        code: 'learning.lesson_not_found',
        kind: 'not-found',
      });
      await expect(mark('09-none', '01-first')).rejects.toMatchObject({
        code: 'learning.module_not_found',
        kind: 'not-found',
      });
      await expect(
        markLesson(
          app,
          { kind: 'anonymous' },
          { cohortId, moduleId: '01-alpha', lessonId: '01-first', done: true },
        ),
      ).rejects.toThrow(UnauthenticatedError);
    });
  });

  describe('module and lesson pages', () => {
    it('renders an open lesson with glossary links, previous/next across modules and done state', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const page = await getLessonPage(app, actors.learner, cohortId, '01-alpha', '01-first', 'fr');
      if (page.state !== 'open') throw new Error('expected an open lesson');
      expect(page.html).toContain(`href="/cohorts/${cohortId}/learn/glossary#term-term-01-alpha"`);
      expect(page.html).toContain('<dfn>Terme</dfn>: Un terme.');
      expect(page.html).toContain(`href="/cohorts/${cohortId}/learn/01-alpha/02-second"`);
      expect(page.previous).toBeNull();
      expect(page.next?.lessonId).toBe('02-second');
      expect(page).toMatchObject({ done: false, canMarkDone: true, lesson: { position: 1, count: 2 } });
      const last = await getLessonPage(app, actors.learner, cohortId, '01-alpha', '02-second', 'en');
      expect(last.state === 'open' && [last.previous?.lessonId, last.next?.moduleId]).toEqual([
        '01-first',
        '02-beta',
      ]);
    });

    it('gives learners an "opens on" outline for a week not yet open, and staff the lesson', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const page = await getLessonPage(app, actors.learner, cohortId, '02-beta', '01-first', 'en');
      expect(page).toMatchObject({
        state: 'outline',
        opensOn: '2026-03-09',
        opensAt: '2026-03-08T23:00:00.000Z',
      });
      expect(page).not.toHaveProperty('html');
      const tutorView = await getLessonPage(app, actors.tutor, cohortId, '02-beta', '01-first', 'en');
      expect(tutorView).toMatchObject({ state: 'open', canMarkDone: false, done: false });
      const modulePage = await getModulePage(app, actors.learner, cohortId, '02-beta', 'en');
      expect(modulePage).toMatchObject({ state: 'outline', readable: false, opensOn: '2026-03-09' });
      expect(modulePage.lessons.map((l) => l.title)).toEqual(['First', 'Second']);
      await expect(getLessonPage(app, actors.learner, cohortId, '02-beta', 'x', 'en')).rejects.toThrow(
        NotFoundError,
      );
    });

    it('presents a module with objectives, readings, presentation and module progress', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      await markLesson(app, actors.learner, {
        cohortId,
        moduleId: '01-alpha',
        lessonId: '02-second',
        done: true,
      });
      const page = await getModulePage(app, actors.learner, cohortId, '01-alpha', 'en');
      expect(page.objectives).toEqual(['Explain one thing', 'Compute another']);
      expect(page.readings).toEqual([{ title: 'A reading', publisher: 'ILO', year: 2018, url: null }]);
      expect(page.presentation).toMatchObject({ title: 'Talk', slideCount: 2 });
      expect(page.lessons.map((l) => l.done)).toEqual([false, true]);
      expect(page.progress).toMatchObject({ lessonsDone: 1, lessonsTotal: 2, hoursDone: 1, hoursTotal: 3 });
    });
  });

  describe('slides and glossary', () => {
    it('presents the slide deck with anchors and notes as transcript; an outline before the week', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx, '2026-03-09T08:00:00.000Z');
      const deck = await getSlideDeck(app, actors.learner, cohortId, '02-beta', 'en');
      if (deck.state !== 'open') throw new Error('expected open slides');
      expect(deck.slides.map((s) => [s.anchor, s.title, s.previousAnchor, s.nextAnchor])).toEqual([
        ['slide-1', 'One', null, 'slide-2'],
        ['slide-2', 'Two', 'slide-1', null],
      ]);
      expect(deck.slides[0]!.notesHtml).toBe('<p>Say hi.</p>\n');
      expect(deck.slides[1]!.html).toContain('&lt;b&gt;ciao&lt;/b&gt;');
      app.clock.set('2026-03-08T22:59:59.000Z');
      const outline = await getSlideDeck(app, actors.learner, cohortId, '02-beta', 'en');
      expect(outline).toMatchObject({ state: 'outline', opensOn: '2026-03-09', slideTitles: ['One', 'Two'] });
    });

    it('lists the glossary in English and in French', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const en = await getGlossaryPage(app, actors.learner, cohortId, 'en');
      expect(en.entries.map((e) => [e.anchor, e.term, e.other.term])).toEqual([
        ['term-term-01-alpha', 'Term', 'Terme'],
        ['term-term-02-beta', 'Term', 'Terme'],
      ]);
      const fr = await getGlossaryPage(app, actors.learner, cohortId, 'fr');
      expect(fr.entries[0]).toMatchObject({
        term: 'Terme',
        definition: 'Un terme.',
        other: { locale: 'en', term: 'Term' },
      });
      await expect(getGlossaryPage(app, actors.outsider, cohortId, 'en')).rejects.toThrow(ForbiddenError);
    });
  });

  describe('previewWeek', () => {
    it('shows managers and admins the course as a learner of any week', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const week2 = await previewWeek(app, actors.manager, cohortId, 2, 'en');
      expect(week2).toMatchObject({ preview: { week: 2 }, currentWeek: 2, progress: null });
      expect(week2.weeks.map((w) => w.state)).toEqual(['open', 'open']);
      const week1 = await previewWeek(app, actors.admin, cohortId, 1, 'en');
      expect(week1.weeks.map((w) => w.state)).toEqual(['open', 'outline']);
      expect(week1.now).toBe('2026-03-01T23:00:00.000Z');
      await expect(previewWeek(app, actors.manager, cohortId, 7, 'en')).rejects.toMatchObject({
        code: 'learning.week_not_found',
      });
    });

    it('refuses tutors, learners and outsiders', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      for (const who of [actors.tutor, actors.learner, actors.outsider])
        await expect(previewWeek(app, who, cohortId, 1, 'en')).rejects.toThrow(ForbiddenError);
    });
  });
});
