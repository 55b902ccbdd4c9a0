// Seed data for the quiz-learner browser tests, called by seed.ts after the shared users and cohorts exist.
// Run directly (`node --import tsx e2e/seed-quiz-learner.ts timed EMAIL QUIZ_ID SECONDS`), it starts an attempt
// whose deadline is SECONDS away, through core with a clock set in the past: the server then enforces it.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import { loadConfig, openApp, type App } from '@labmig/core/app';
import { saveAnswers, startAttempt } from '@labmig/core/assessment';
import { actorByEmail, quizRefOf } from '@labmig/core/testing';
import type { SeedBase } from './seed-base.ts';
import type { Account } from './state.ts';

/** The learners of the quiz tests: one per test and Playwright project, so that no two tests share attempts. */
const LEARNERS = [
  'take',
  'source',
  'timer',
  'refuse',
  'tabs',
  'close',
  'french',
  'weight',
  'contract',
  'essay',
  'bodies',
  'layout',
  'sidebar',
] as const;

/** What the quiz-learner specs read from state.json (`quizLearner`). */
export interface QuizLearnerState {
  /** A cohort that started yesterday (Europe/Paris): week 1 (immediate feedback) is open. */
  readonly weekOneCohort: string;
  /** The shared running cohort: week 2 (feedback after submission) is open, week 1 closed. */
  readonly runningCohort: string;
  /** A cohort in its last week: week 6 (feedback after the close date) is open. */
  readonly lastWeekCohort: string;
  /** A cohort in its fifth week: week 5 (with the essay question) is open. */
  readonly essayCohort: string;
  readonly quizzes: {
    readonly week1: string;
    readonly week2: string;
    readonly week5: string;
    readonly week6: string;
  };
  /** `<test>-js` / `<test>-nojs` → account (enrolled in all four cohorts). */
  readonly learners: Readonly<Record<string, Account>>;
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function quizOf(app: App, cohortId: string, week: number): Promise<string> {
  const row = await app.db
    .selectFrom('quizzes')
    .select('id')
    .where('cohort_id', '=', cohortId)
    .where('week', '=', week)
    .executeTakeFirst();
  if (!row) throw new Error(`seed-quiz-learner: cohort ${cohortId} has no week ${week} assessment`);
  return row.id;
}

/** Seeds what the quiz-learner tests need; returns what they read from state.json (under `quizLearner`). */
export async function seedQuizLearner(app: App, base: SeedBase): Promise<QuizLearnerState> {
  const slug = base.slug;
  const weekOne = await createCohort(app, {
    courseSlug: slug,
    title: 'Assessment cohort',
    startsOn: day(-1),
    endsOn: day(41),
    capacity: 200,
    timeZone: 'Europe/Paris',
  });
  const lastWeek = await createCohort(app, {
    courseSlug: slug,
    title: 'Final week cohort',
    startsOn: day(-36),
    endsOn: day(6),
    capacity: 200,
  });
  // Started 29 days ago: week 5 opened yesterday.
  const essay = await createCohort(app, {
    courseSlug: slug,
    title: 'Essay week cohort',
    startsOn: day(-29),
    endsOn: day(13),
    capacity: 200,
  });
  const learners: Record<string, Account> = {};
  for (const name of LEARNERS)
    for (const project of ['js', 'nojs']) {
      const account = await base.person(`quiz-${name}-${project}@e2e.test`, `Quinn ${name} ${project}`);
      learners[`${name}-${project}`] = account;
      for (const cohortId of [weekOne.id, base.cohorts.running, lastWeek.id, essay.id])
        await enrolUser(app, { cohortId, email: account.email, role: 'learner' });
    }
  return {
    weekOneCohort: weekOne.id,
    runningCohort: base.cohorts.running,
    lastWeekCohort: lastWeek.id,
    essayCohort: essay.id,
    quizzes: {
      week1: await quizOf(app, weekOne.id, 1),
      week2: await quizOf(app, base.cohorts.running, 2),
      week5: await quizOf(app, essay.id, 5),
      week6: await quizOf(app, lastWeek.id, 6),
    },
    learners,
  };
}

/**
 * Starts an attempt of `email` at `quizId` whose deadline is `seconds` from now: core is opened with a clock set
 * back by (time limit − seconds), so the attempt looks started that long ago. Saves `answer` (page answers, the
 * ids a page posts) at that time when given. Returns the attempt id.
 */
async function startTimedAttempt(
  email: string,
  quizId: string,
  seconds: number,
  answer?: string,
): Promise<string> {
  const dir = process.env.LABMIG_E2E_DIR;
  if (!dir) throw new Error('LABMIG_E2E_DIR is not set');
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'e2e.sqlite'),
    FILES_DIR: join(dir, 'files'),
    LOG_LEVEL: 'warn',
  });
  const probe = await openApp(config);
  const quiz = await probe.db
    .selectFrom('quizzes')
    .select('definition')
    .where('id', '=', quizId)
    .executeTakeFirstOrThrow();
  await probe.close();
  const limit = (JSON.parse(quiz.definition) as { timeLimitMinutes: number }).timeLimitMinutes;
  const shift = (limit * 60 - seconds) * 1000;
  const app = await openApp(config, { clock: { now: () => new Date(Date.now() - shift) } });
  try {
    const actor = await actorByEmail(app.db, email);
    const ref = await quizRefOf(app.db, quizId);
    const { attemptId } = await startAttempt(app, actor, ref);
    if (answer) await saveAnswers(app, actor, { cohortId: ref.cohortId, attemptId }, JSON.parse(answer));
    return attemptId;
  } finally {
    await app.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'timed') {
  const [email, quizId, seconds, answer] = process.argv.slice(3);
  process.stdout.write(
    JSON.stringify({ attemptId: await startTimedAttempt(email, quizId, Number(seconds), answer) }),
  );
}
