import { expect } from 'vitest';
import { buildCohort, buildEnrolment, buildUser, type DialectContext } from '@labmig/db/testing';
import { newId, type EnrolmentRole, type EnrolmentStatus, type UserRow } from '@labmig/db';
import { actorOf } from '../../accounts/user.present.ts';
import type { Actor, UserActor } from '../../access/actor.ts';
import { loadCourse } from '../../content/course.loader.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors/domain-errors.ts';
import { editDefault, writeCourseDir } from '../../content/course.factory.ts';
import type { Course } from '../../content/course.types.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/** Lesson 01-first of module 01-alpha links a glossary term and a lesson, and shows a remote image. (Test helper.) */
const ALPHA_FIRST =
  '---\ntitle: First\nhours: 1\n---\nThe [[term-01-alpha]] matters. See [next](lesson:02-second).\n\n![A chart of rates](https://example.org/chart.png)\n';

let cached: Promise<Course> | undefined;

/** The tiny test course (2 weeks: 01-alpha in week 1, 02-beta in week 2; 2 lessons of 1 hour each). */
export function tinyCourse(): Promise<Course> {
  cached ??= (async () => {
    const { dir, cleanup } = await writeCourseDir({
      'modules/01-alpha/lessons/01-first.md': ALPHA_FIRST,
      ...editDefault(
        'modules/02-beta/slides.md',
        '# Two\nBye',
        '# Two\nBye & <b>ciao</b>\n\nNote: Über "quotes", commas; and a long transcript line that goes on and on to make folding necessary.',
      ),
    });
    try {
      const result = await loadCourse(dir);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.course;
    } finally {
      await cleanup();
    }
  })();
  return cached;
}

/** A learning scenario: cohort starting Monday 2026-03-02 in Europe/Rome, clock on Thursday of week 1. */
export interface LearningSetup {
  readonly app: TestApp;
  readonly cohortId: string;
  readonly course: Course;
  readonly users: Record<
    'learner' | 'other' | 'waitlisted' | 'withdrawn' | 'tutor' | 'manager' | 'admin' | 'outsider',
    UserRow
  >;
  readonly actors: Record<keyof LearningSetup['users'], UserActor>;
}

/** Builds the scenario on the dialect's database. Week 1 opens 2026-03-01T23:00Z, week 2 2026-03-08T23:00Z. */
export async function setUpLearning(
  ctx: DialectContext,
  now = '2026-03-05T09:00:00.000Z',
): Promise<LearningSetup> {
  const app = await createTestApp(ctx, now);
  const course = await tinyCourse();
  const courseRow = await ctx.db
    .insertInto('courses')
    .values({
      id: newId(),
      slug: course.slug,
      title: course.title,
      content_hash: 'h',
      definition: JSON.stringify(course),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const cohort = await buildCohort(ctx.db, {
    course_id: courseRow.id,
    title: 'Spring 2026',
    starts_on: '2026-03-02',
    ends_on: '2026-03-15',
    time_zone: 'Europe/Rome',
  });
  const enrol = async (
    name: string,
    role: EnrolmentRole | 'none' = 'learner',
    status: EnrolmentStatus = 'active',
    isAdmin = 0,
  ) => {
    const user = await buildUser(ctx.db, {
      name,
      email: `${name.toLowerCase()}@example.org`,
      is_admin: isAdmin,
    });
    if (role !== 'none')
      await buildEnrolment(ctx.db, { cohort_id: cohort.id, user_id: user.id, role, status });
    return user;
  };
  const users = {
    learner: await enrol('Ana'),
    other: await enrol('=Bob'),
    waitlisted: await enrol('Wen', 'learner', 'waitlisted'),
    withdrawn: await enrol('Will', 'learner', 'withdrawn'),
    tutor: await enrol('Tariq', 'tutor'),
    manager: await enrol('Mona', 'manager'),
    admin: await enrol('Root', 'none', 'active', 1),
    outsider: await enrol('Olga', 'none'),
  };
  const actors = Object.fromEntries(
    Object.entries(users).map(([k, u]) => [k, actorOf(u)]),
  ) as LearningSetup['actors'];
  return { app, cohortId: cohort.id, course, users, actors };
}

/**
 * Asserts the learning pages' access rule on one query: outsiders, waitlisted and withdrawn learners are forbidden,
 * anonymous visitors unauthenticated, and a cohort that does not exist is not found.
 */
export async function expectLearningRefusals(
  setup: LearningSetup,
  query: (actor: Actor, cohortId: string) => Promise<unknown>,
): Promise<void> {
  const { actors, cohortId } = setup;
  for (const who of [actors.outsider, actors.waitlisted, actors.withdrawn])
    await expect(query(who, cohortId)).rejects.toThrow(ForbiddenError);
  await expect(query({ kind: 'anonymous' }, cohortId)).rejects.toThrow(UnauthenticatedError);
  await expect(query(actors.learner, 'missing')).rejects.toThrow(NotFoundError);
}
