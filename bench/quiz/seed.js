// Seeds the benchmark's temp SQLite database through core (bench/lib/seed.js): migrations, the course content and
// its question bank, a cohort whose week 1 is open, N learners enrolled, and one session per learner.
import { createBenchCohort, enrolWithSessions, withContentApp } from '../lib/seed.js';

/**
 * @param {{ repoRoot: string, databasePath: string, learners: number, courseSlug: string }} options
 * @returns {Promise<{ cohortId: string, quizId: string, questions: number, cookies: string[], seeded: object }>}
 */
export function seedBenchDatabase({ repoRoot, databasePath, learners, courseSlug }) {
  return withContentApp({ repoRoot, databasePath }, async (app, { core, assessment }) => {
    const db = await import('@labmig/db');
    const course = await db.findCourseBySlug(app.db, courseSlug);
    if (!course) throw new Error(`course ${courseSlug} not found in ${app.config.contentDir}`);
    const cohort = await createBenchCohort(app, core, {
      courseSlug,
      title: 'Benchmark cohort',
      capacity: learners + 10,
    });
    // Until importContent imports question banks (and createCohort schedules quizzes) by itself.
    let quizzes = await db.listQuizzesOfCohort(app.db, cohort.id);
    if (quizzes.length === 0) {
      const bank = await assessment.importQuestionBank(app, {
        courseId: course.id,
        courseDir: `${app.config.contentDir}/courses/${courseSlug}`,
      });
      if (!bank.ok)
        throw new Error(`question bank import failed: ${JSON.stringify(bank.problems.slice(0, 3))}`);
      quizzes = await db.listQuizzesOfCohort(app.db, cohort.id);
    }
    const week1 = quizzes.find((q) => q.week === 1);
    if (!week1) throw new Error('the cohort has no week-1 assessment');
    const questions = JSON.parse(week1.definition).items.reduce((n, q) => n + (q.count ?? 1), 0);

    const people = Array.from({ length: learners }, (_, i) => ({
      email: `bench-learner-${i}@bench.test`,
      name: `Bench Learner ${i}`,
      role: 'learner',
    }));
    const seeded = await enrolWithSessions(app, core, cohort.id, people);
    return {
      cohortId: cohort.id,
      quizId: week1.id,
      questions,
      cookies: seeded.map((p) => p.cookie),
      seeded: {
        course: courseSlug,
        quiz: week1.quiz_key,
        opens_at: week1.opens_at,
        closes_at: week1.closes_at,
      },
    };
  });
}
