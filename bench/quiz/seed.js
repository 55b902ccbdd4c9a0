// Seeds the benchmark's temp SQLite database through core: migrations, the course content and its question bank,
// a cohort whose week 1 is open, N learners enrolled, and one session per learner.
//
// Sessions are inserted through packages/db, not by signing in: sign-in verifies an argon2id hash (tens of ms of
// CPU each, 500 of them) and the per-IP login limit would refuse most of 500 sign-ins from 127.0.0.1. The session
// row is exactly what sign-in writes (id = sha256 of the cookie token), so the server resolves the cookie as usual.
// Learner accounts are inserted the same way with a password hash that matches no password (they never sign in);
// enrolment goes through core's enrolUser.

/** Days from today (UTC) as YYYY-MM-DD. */
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * @param {{ repoRoot: string, databasePath: string, learners: number, courseSlug: string }} options
 * @returns {Promise<{ cohortId: string, quizId: string, questions: number, cookies: string[], seeded: object }>}
 */
export async function seedBenchDatabase({ repoRoot, databasePath, learners, courseSlug }) {
  const { core, assessment } = await (await import('./core-doors.js')).loadCoreDoors();
  const { generateToken, hashToken } = await import('@labmig/core/testing');
  const db = await import('@labmig/db');
  const env = { DATABASE_PATH: databasePath, LOG_LEVEL: 'warn', TZ: 'UTC' };
  const app = await core.openApp(core.loadConfig(env, repoRoot), {
    logger: core.createLogger('warn', (line) => process.stderr.write(`${line}\n`)),
  });
  try {
    const imported = await core.importContent(app, app.config.contentDir);
    if (!imported.ok)
      throw new Error(`content import failed: ${JSON.stringify(imported.errors.slice(0, 3))}`);
    const course = await db.findCourseBySlug(app.db, courseSlug);
    if (!course) throw new Error(`course ${courseSlug} not found in ${app.config.contentDir}`);
    // Started yesterday: week 1 opened at midnight UTC and stays open for 7 days.
    const cohort = await core.createCohort(app, {
      courseSlug,
      title: 'Benchmark cohort',
      startsOn: day(-1),
      endsOn: day(40),
      capacity: learners + 10,
      timeZone: 'UTC',
      language: 'en',
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

    const now = new Date().toISOString();
    // The lifetime sign-in gives (SESSION_DAYS), so the server does not extend (rewrite) every session on first use.
    const expires = new Date(Date.now() + app.config.sessionDays * 86_400_000).toISOString();
    const cookies = [];
    const users = [];
    await app.db.transaction().execute(async (trx) => {
      for (let i = 0; i < learners; i++) {
        const user = await db.insertUser(trx, {
          id: db.newId(),
          email: `bench-learner-${i}@bench.test`,
          name: `Bench Learner ${i}`,
          password_hash: '!no-password',
          is_admin: 0,
          locale: 'en',
          country: 'FR',
          organisation_type: 'nso',
          job_title: 'Statistician',
          created_at: now,
          updated_at: now,
        });
        const token = generateToken();
        await db.insertSession(trx, {
          id: hashToken(token),
          user_id: user.id,
          created_at: now,
          expires_at: expires,
          last_seen_at: now,
        });
        users.push(user);
        cookies.push(`${core.SESSION_COOKIE}=${token}`);
      }
    });
    for (const user of users)
      await core.enrolUser(app, { cohortId: cohort.id, email: user.email, role: 'learner' });
    return {
      cohortId: cohort.id,
      quizId: week1.id,
      questions,
      cookies,
      seeded: {
        course: courseSlug,
        quiz: week1.quiz_key,
        opens_at: week1.opens_at,
        closes_at: week1.closes_at,
      },
    };
  } finally {
    await app.close();
  }
}
