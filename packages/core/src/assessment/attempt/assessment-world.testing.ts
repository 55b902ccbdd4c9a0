import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCohort, buildCourse, buildEnrolment, buildUser, type DialectContext } from '@labmig/db/testing';
import { worldActorOf as actorOf } from '../../testing/actors.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { importQuestionBank } from '../bank/bank-import.commands.ts';

/** A small GIFT bank: one question of each graded kind; answers are known to the tests. */
export const WORLD_GIFT = `$CATEGORY: week-1/basics

::tf1::Migrants are counted by country of birth.{T#Wrong, it is true.#Yes.}

::mc1::Which is a labour force status?{=Employed#Right ~Retired#No ~Student#No}

::multi1::Pick the labour force.{~%50%Employed ~%50%Unemployed ~%-100%Inactive}

::num1::How many weeks does the course last?{#6:0}

::calc1::A survey counts {emp} employed and {unemp} unemployed. Unemployment rate (%)?{#calc 100 * unemp / (emp + unemp) :0.1
\t~emp = 800..1200 step 1
\t~unemp = 40..160 step 1
}

$CATEGORY: week-1/essays

::essay1::Explain why migrants are undercounted.{}
`;

/** Quiz definitions: week 1 draws everything (fixed), week 2 is a one-question quiz. */
export function worldYaml(
  overrides: { feedbackMode?: string; attemptsAllowed?: number; gradingMethod?: string } = {},
): string {
  return `banks: [week-1.gift]
defaults:
  timeLimitMinutes: 30
  attemptsAllowed: ${overrides.attemptsAllowed ?? 2}
  gradingMethod: ${overrides.gradingMethod ?? 'highest'}
  maxGrade: 100
  passMark: 60
  shuffleQuestions: true
  shuffleAnswers: true
  feedbackMode: ${overrides.feedbackMode ?? 'after-submission'}
quizzes:
  - id: week-1
    week: 1
    title: Week 1
    questions:
      - { question: tf1 }
      - { question: mc1 }
      - { question: multi1 }
      - { question: num1 }
      - { question: calc1 }
      - { category: week-1/essays, count: 1 }
  - id: week-2
    week: 2
    title: Week 2
    closeAfterDays: 14
    questions:
      - { question: tf1 }
`;
}

/** Writes a course folder with `quizzes/` and returns its path. */
export function writeCourseDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'labmig-bank-'));
  mkdirSync(path.join(dir, 'quizzes'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'quizzes', name), text);
  return dir;
}

/** A course with the world bank imported, a cohort starting 2026-03-02 (UTC), two learners, a tutor, an outsider. */
export async function buildAssessmentWorld(ctx: DialectContext, yaml = worldYaml()) {
  const app: TestApp = await createTestApp(ctx, '2026-03-03T09:00:00.000Z');
  const course = await buildCourse(ctx.db);
  const cohort = await buildCohort(ctx.db, {
    course_id: course.id,
    starts_on: '2026-03-02',
    time_zone: 'UTC',
  });
  const people = await Promise.all(['ana', 'ben', 'tim', 'oz'].map((n) => buildUser(ctx.db, { name: n })));
  const [ana, ben, tim, oz] = people;
  await buildEnrolment(ctx.db, { cohort_id: cohort.id, user_id: ana.id });
  await buildEnrolment(ctx.db, { cohort_id: cohort.id, user_id: ben.id });
  await buildEnrolment(ctx.db, { cohort_id: cohort.id, user_id: tim.id, role: 'tutor' });
  const result = await importQuestionBank(app, {
    courseId: course.id,
    courseDir: writeCourseDir({ 'week-1.gift': WORLD_GIFT, 'weekly-assessments.yaml': yaml }),
  });
  if (!result.ok) throw new Error(`world import failed: ${JSON.stringify(result.problems)}`);
  const quizzes = await ctx.db
    .selectFrom('quizzes')
    .selectAll()
    .where('cohort_id', '=', cohort.id)
    .orderBy('week')
    .execute();
  return {
    app,
    course,
    cohort,
    quizzes,
    week1: quizzes[0],
    /** A quiz of the world's cohort as commands take it. */
    quiz: (quiz: { readonly id: string } = quizzes[0]) => ({ cohortId: cohort.id, quizId: quiz.id }),
    /** An attempt of the world's cohort as commands take it. */
    attempt: (attemptId: string) => ({ cohortId: cohort.id, attemptId }),
    ana: actorOf(ana),
    ben: actorOf(ben),
    tutor: actorOf(tim),
    outsider: actorOf(oz),
  };
}
