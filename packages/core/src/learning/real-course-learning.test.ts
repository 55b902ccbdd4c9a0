import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildCohort, buildEnrolment, buildUser, forEachDialect } from '@labmig/db/testing';
import { newId } from '@labmig/db';
import { actorOf } from '../accounts/user.present.ts';
import { loadCourse } from '../content/course.loader.ts';
import { createTestApp } from '../testing/test-app.ts';
import { getCourseHome } from './course-home.queries.ts';
import { getLessonPage } from './lesson-page.queries.ts';
import { weekOfflinePack } from './offline-pack.queries.ts';
import { courseLessons } from './progress.rules.ts';

const courseDir = fileURLToPath(
  new URL('../../../../content/courses/measuring-labour-migration', import.meta.url),
);

forEachDialect((ctx) => {
  describe('the real course, as a learner of the 2020 edition sees it', () => {
    async function setUp(now: string) {
      const loaded = await loadCourse(courseDir);
      if (!loaded.ok) throw new Error('the course does not load');
      const course = loaded.course;
      const app = await createTestApp(ctx, now);
      const row = await ctx.db
        .insertInto('courses')
        .values({
          id: newId(),
          slug: course.slug,
          title: course.title,
          content_hash: loaded.hash,
          definition: JSON.stringify(course),
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const cohort = await buildCohort(ctx.db, {
        course_id: row.id,
        starts_on: '2020-10-26',
        ends_on: '2020-12-04',
        time_zone: 'Europe/Rome',
      });
      const user = await buildUser(ctx.db);
      await buildEnrolment(ctx.db, { cohort_id: cohort.id, user_id: user.id });
      return { app, course, cohortId: cohort.id, actor: actorOf(user) };
    }

    it('schedules six weeks and ten modules; in week 2 weeks 1–2 are open and week 3 is an outline', async () => {
      // Tuesday 3 Nov 2020, 10:00 in Rome.
      const { app, cohortId, actor } = await setUp('2020-11-03T09:00:00.000Z');
      const home = await getCourseHome(app, actor, cohortId, 'en');
      expect(home.weeks.map((w) => w.opensOn)).toEqual([
        '2020-10-26',
        '2020-11-02',
        '2020-11-09',
        '2020-11-16',
        '2020-11-23',
        '2020-11-30',
      ]);
      expect(home.weeks.map((w) => w.state)).toEqual([
        'open',
        'open',
        'outline',
        'outline',
        'outline',
        'outline',
      ]);
      expect(home.weeks.flatMap((w) => w.modules).length).toBe(10);
      // Week 1 of 2020 opened on Monday 26 October, the day after Rome left summer time: 23:00 UTC on the 25th.
      expect(home.weeks[0]!.opensAt).toBe('2020-10-25T23:00:00.000Z');
      expect(home.progress?.hoursTotal).toBe(60);
    });

    it('builds every week offline pack without external resources or broken anchors', async () => {
      const { app, cohortId, actor } = await setUp('2020-12-04T12:00:00.000Z');
      for (let week = 1; week <= 6; week++) {
        const { html } = await weekOfflinePack(app, actor, cohortId, week);
        expect(html).not.toMatch(/<script|<link|<img|\bsrc=|url\(/i);
        const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
        const broken = [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]).filter((id) => !ids.has(id));
        expect(broken, `week ${week}`).toEqual([]);
        expect(gzipSync(html).length).toBeGreaterThan(1000);
      }
    });

    it('renders every lesson with previous/next links that chain through the whole course', async () => {
      const { app, course, cohortId, actor } = await setUp('2020-12-04T12:00:00.000Z');
      const lessons = courseLessons(course);
      let expectedPrevious: string | null = null;
      for (const l of lessons) {
        const page = await getLessonPage(app, actor, cohortId, l.moduleId, l.lessonId, 'en');
        if (page.state !== 'open') throw new Error(`${l.moduleId}/${l.lessonId} is not open`);
        expect(page.previous ? `${page.previous.moduleId}/${page.previous.lessonId}` : null).toBe(
          expectedPrevious,
        );
        expect(page.html).not.toContain('[[');
        expectedPrevious = `${l.moduleId}/${l.lessonId}`;
      }
    });
  });
});
