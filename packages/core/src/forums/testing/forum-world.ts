import { buildCohort, buildEnrolment, buildUser, type DialectContext } from '@labmig/db/testing';
import { newId, type EnrolmentRole, type EnrolmentStatus, type UserRow } from '@labmig/db';
import type { UserActor } from '../../access/actor.ts';
import type { Config } from '../../config/config.ts';
import { actorOf } from '../../accounts/user.present.ts';
import { editDefault, writeCourseDir } from '../../content/course.factory.ts';
import { loadCourse } from '../../content/course.loader.ts';
import type { Course } from '../../content/course.types.ts';
import { createGroup, placeLearner, setGroupTutor } from '../../groups/group.commands.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { listForums } from '../forum.queries.ts';

const FORUM_AND_EXERCISE = [
  'forum:',
  '  prompt: Which **source** does your country use?',
  '  fr: { prompt: Quelle **source** votre pays utilise-t-il ? }',
  'groupExercise:',
  '  title: Compare two sources',
  '  instructions: Each member brings one table; the group writes one page.',
  '  due: { week: 2, day: 3, time: "18:00" }',
  '  assignment: w2-compare-sources',
  '  fr: { title: Comparer deux sources, instructions: Chaque membre apporte un tableau. }',
  '',
].join('\n');

let cached: Promise<Course> | undefined;

/** The tiny test course; module 01-alpha has a forum prompt and a group exercise. (Test helper.) */
export function forumCourse(): Promise<Course> {
  cached ??= (async () => {
    const { dir, cleanup } = await writeCourseDir(
      editDefault('modules/01-alpha/module.yaml', 'readings:\n', `${FORUM_AND_EXERCISE}readings:\n`),
    );
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

/** The people of the forum world. */
export type ForumPerson =
  | 'manager'
  | 'tutorA'
  | 'tutorB'
  | 'a1'
  | 'a2'
  | 'b1'
  | 'loner'
  | 'waitlisted'
  | 'withdrawn'
  | 'admin'
  | 'outsider'
  | 'otherCohort';

/** A cohort with two groups (A: a1, a2, tutor A; B: b1, tutor B), a learner without a group, and everyone else. */
export interface ForumWorld {
  readonly app: TestApp;
  readonly cohortId: string;
  readonly otherCohortId: string;
  readonly groupA: string;
  readonly groupB: string;
  readonly users: Record<ForumPerson, UserRow>;
  readonly actors: Record<ForumPerson, UserActor>;
  /** Forum ids by slot: `announcements`, `general`, `qa`, `module:01-alpha`, `group:<id>`. */
  readonly forums: Record<string, string>;
}

/** Builds the forum world on the dialect's database (cohort starting Monday 2026-03-02, UTC; clock 2026-03-10 09:00). */
export async function setUpForumWorld(
  ctx: DialectContext,
  now = '2026-03-10T09:00:00.000Z',
  config: Partial<Config> = {},
): Promise<ForumWorld> {
  const app = await createTestApp(ctx, now, config);
  const course = await forumCourse();
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
  });
  const other = await buildCohort(ctx.db, { course_id: courseRow.id, title: 'Autumn 2026' });
  const person = async (
    name: string,
    role: EnrolmentRole | 'none',
    options: {
      status?: EnrolmentStatus;
      admin?: boolean;
      cohortId?: string;
      country?: string;
      locale?: string;
    } = {},
  ) => {
    const user = await buildUser(ctx.db, {
      name,
      email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`,
      is_admin: options.admin ? 1 : 0,
      country: options.country ?? 'FR',
      locale: options.locale ?? 'en',
    });
    if (role !== 'none')
      await buildEnrolment(ctx.db, {
        cohort_id: options.cohortId ?? cohort.id,
        user_id: user.id,
        role,
        status: options.status ?? 'active',
      });
    return user;
  };
  const users: Record<ForumPerson, UserRow> = {
    manager: await person('Mona Manager', 'manager'),
    tutorA: await person('Tariq Tutor', 'tutor'),
    tutorB: await person('Tess Tutor', 'tutor'),
    a1: await person('Ana Learner', 'learner', { country: 'SN', locale: 'fr' }),
    a2: await person('Amir Learner', 'learner', { country: 'JO' }),
    b1: await person('Ben Learner', 'learner', { country: 'PH' }),
    loner: await person('Lou Learner', 'learner', { country: 'AR' }),
    waitlisted: await person('Wen Learner', 'learner', { status: 'waitlisted' }),
    withdrawn: await person('Will Learner', 'learner', { status: 'withdrawn' }),
    admin: await person('Root Admin', 'none', { admin: true }),
    outsider: await person('Olga Outsider', 'none'),
    otherCohort: await person('Otto Other', 'learner', { cohortId: other.id }),
  };
  const actors = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, actorOf(u)])) as Record<
    ForumPerson,
    UserActor
  >;
  const { groupId: groupA } = await createGroup(app, actors.manager, cohort.id, { name: 'Group A' });
  const { groupId: groupB } = await createGroup(app, actors.manager, cohort.id, { name: 'Group B' });
  await setGroupTutor(app, actors.manager, cohort.id, { groupId: groupA, tutorUserId: users.tutorA.id });
  await setGroupTutor(app, actors.manager, cohort.id, { groupId: groupB, tutorUserId: users.tutorB.id });
  for (const [who, group] of [
    ['a1', groupA],
    ['a2', groupA],
    ['b1', groupB],
  ] as const)
    await placeLearner(app, actors.manager, cohort.id, { userId: users[who].id, groupId: group });
  await listForums(app, actors.manager, cohort.id, 'en');
  const rows = await ctx.db
    .selectFrom('forums')
    .select(['id', 'slot'])
    .where('cohort_id', '=', cohort.id)
    .execute();
  const forums = Object.fromEntries(rows.map((r) => [r.slot, r.id]));
  return { app, cohortId: cohort.id, otherCohortId: other.id, groupA, groupB, users, actors, forums };
}
