import { createUser } from '@labmig/core/accounts';
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import { importContent } from '@labmig/core/importer';
import { systemClock, type App } from '@labmig/core/app';
import { formatContentError } from '@labmig/core/content';
import { findCohortByTitle, findCourseBySlug, findUserByEmail, listCourses } from '@labmig/db';
import type { CliIo } from '../cli-io.ts';
import { withApp } from '../with-app.ts';
import { seedDemoForums } from './demo-forums.ts';
import { seedDemoActivity, type DemoActivitySummary } from './demo-activity.ts';
import { seedDemoLab } from './demo-lab.ts';

/** The password of every demo account (printed by `labmig demo`). */
export const DEMO_PASSWORD = 'labmig-demo-2026';
/** Title of the demo cohort; the demo finds it again by this title. */
export const DEMO_COHORT_TITLE = 'Demo cohort';

const PEOPLE = [
  {
    email: 'demo-admin@example.org',
    name: 'Ada Admin',
    role: 'admin',
    country: 'CH',
    org: 'international',
    job: 'Platform administrator',
  },
  {
    email: 'demo-manager@example.org',
    name: 'Mariam Manager',
    role: 'manager',
    country: 'IT',
    org: 'international',
    job: 'Course manager',
  },
  {
    email: 'demo-tutor@example.org',
    name: 'Tomás Tutor',
    role: 'tutor',
    country: 'AR',
    org: 'research',
    job: 'Labour statistician',
  },
  {
    email: 'demo-learner1@example.org',
    name: 'Lina Learner',
    role: 'learner',
    country: 'JO',
    org: 'nso',
    job: 'Survey statistician',
  },
  {
    email: 'demo-learner2@example.org',
    name: 'Kofi Learner',
    role: 'learner',
    country: 'GH',
    org: 'ministry',
    job: 'Policy analyst',
  },
  {
    email: 'demo-learner3@example.org',
    name: 'Sofia Learner',
    role: 'learner',
    country: 'PH',
    org: 'employment-service',
    job: 'Labour market analyst',
  },
  {
    email: 'demo-learner4@example.org',
    name: 'Nguyen Thi Mai',
    role: 'learner',
    country: 'VN',
    org: 'nso',
    job: 'Labour force survey coordinator',
  },
  {
    email: 'demo-learner5@example.org',
    name: 'Aisha Bello',
    role: 'learner',
    country: 'NG',
    org: 'ministry',
    job: 'Labour migration desk officer',
  },
  {
    email: 'demo-learner6@example.org',
    name: 'Youssef El Amrani',
    role: 'learner',
    country: 'MA',
    org: 'nso',
    job: 'Demographer',
  },
  {
    email: 'demo-learner7@example.org',
    name: 'Priya Raman',
    role: 'learner',
    country: 'LK',
    org: 'employment-service',
    job: 'Research officer, foreign employment',
  },
  {
    email: 'demo-learner8@example.org',
    name: 'Aida Sadykova',
    role: 'learner',
    country: 'KG',
    org: 'ministry',
    job: 'Migration statistics specialist',
  },
  {
    email: 'demo-learner9@example.org',
    name: 'Valentina Rojas',
    role: 'learner',
    country: 'CO',
    org: 'nso',
    job: 'Household survey analyst',
  },
  {
    email: 'demo-learner10@example.org',
    name: 'Fatou Diop',
    role: 'learner',
    country: 'SN',
    org: 'social-partner',
    job: 'Research officer, trade union confederation',
  },
  {
    email: 'demo-learner11@example.org',
    name: 'Elena Rusu',
    role: 'learner',
    country: 'MD',
    org: 'international',
    job: 'Project officer, migration and development',
  },
  {
    email: 'demo-learner12@example.org',
    name: 'Luis Ortega',
    role: 'learner',
    country: 'GT',
    org: 'research',
    job: 'Labour market researcher',
  },
] as const;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * `labmig demo`: imports the content if needed, then makes sure a current cohort exists whose week 1 started
 * three days ago, with an admin, a manager, a tutor and twelve learners in three regional groups, a living forum (a
 * pinned announcement, discussions with replies, a Q&A question, a group discussion), week 1 under way (lessons
 * done, assessment attempts graded by the engine, assignments waiting for the tutor: see demo-activity.ts), the
 * first learner's Lab (the practice dataset mapped, with a finished run), and prints their sign-in details.
 * Idempotent: running it again reuses the cohort and the accounts.
 */
export async function demoCommand(_args: string[], io: CliIo): Promise<number> {
  return withApp(io, async (app) => {
    const imported = await importContent(app, app.config.contentDir);
    if (!imported.ok) {
      for (const e of imported.errors) io.stderr.write(formatContentError(e) + '\n');
      io.stderr.write('labmig demo: the course content has errors; fix them first.\n');
      return 1;
    }
    const course =
      (await findCourseBySlug(app.db, 'measuring-labour-migration')) ?? (await listCourses(app.db))[0];
    if (!course) {
      io.stderr.write(`labmig demo: no course found in ${app.config.contentDir}\n`);
      return 1;
    }
    const cohortId = await ensureCohort(app, course.id, course.slug);
    for (const p of PEOPLE) {
      if (!(await findUserByEmail(app.db, p.email))) {
        const input = {
          email: p.email,
          name: p.name,
          password: DEMO_PASSWORD,
          country: p.country,
          organisationType: p.org,
          jobTitle: p.job,
          locale: 'en' as const,
        };
        await createUser(app, input, { isAdmin: p.role === 'admin' });
      }
      if (p.role !== 'admin') await enrolUser(app, { cohortId, email: p.email, role: p.role });
    }
    const email = (role: string) => PEOPLE.filter((p) => p.role === role).map((p) => p.email);
    const learners = email('learner');
    await seedDemoForums(app, cohortId, {
      manager: email('manager')[0]!,
      tutor: email('tutor')[0]!,
      learners: [learners[0]!, learners[1]!, learners[2]!],
    });
    const activity = await seedDemoActivity(app, cohortId, {
      manager: email('manager')[0]!,
      tutor: email('tutor')[0]!,
      learners,
    });
    const labRun = await seedDemoLab(app, learners[0]!);
    const cohort = (await findCohortByTitle(app.db, course.id, DEMO_COHORT_TITLE))!;
    io.stdout.write(`Demo cohort ${cohort.id}: ${course.title}, ${cohort.starts_on} – ${cohort.ends_on}\n`);
    io.stdout.write(
      `Course page: ${app.config.origin}/courses/${course.slug}\n\nSign in with (password for all: ${DEMO_PASSWORD}):\n`,
    );
    for (const p of PEOPLE.filter((p) => p.role !== 'learner'))
      io.stdout.write(`  ${p.role.padEnd(8)} ${p.email}\n`);
    io.stdout.write(`  learner  ${learners[0]} … ${learners.at(-1)}\n`);
    io.stdout.write(`\n${activityLine(activity)}\n`);
    io.stdout.write(`As the tutor: ${app.config.origin}/cohorts/${cohort.id}/gradebook\n`);
    if (labRun)
      io.stdout.write(
        `\nLab: ${email('learner')[0]} has lfs_small.sav mapped and run: ${app.config.origin}/lab/runs/${labRun}\n`,
      );
    return 0;
  });
}

/** One line on where week 1 stands: learners started, assessments submitted, work waiting for the tutor. */
function activityLine(a: DemoActivitySummary): string {
  const toGrade = [
    a.assignmentsToGrade > 0
      ? `${a.assignmentsToGrade} assignment${a.assignmentsToGrade === 1 ? '' : 's'}`
      : '',
    a.essaysToGrade > 0 ? `${a.essaysToGrade} essay${a.essaysToGrade === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return [
    `Week 1 so far: ${a.started} of ${a.learners} learners have started`,
    a.quizId ? `, ${a.assessed} submitted the week 1 assessment` : '',
    toGrade.length > 0 ? `; ${toGrade.join(' and ')} to grade.` : '.',
  ].join('');
}

async function ensureCohort(app: App, courseId: string, courseSlug: string): Promise<string> {
  const existing = await findCohortByTitle(app.db, courseId, DEMO_COHORT_TITLE);
  if (existing) return existing.id;
  const today = (app.clock ?? systemClock).now().toISOString().slice(0, 10);
  const startsOn = addDays(today, -3);
  const cohort = await createCohort(app, {
    courseSlug,
    title: DEMO_COHORT_TITLE,
    startsOn,
    endsOn: addDays(startsOn, 6 * 7 - 3),
    capacity: 30,
    timeZone: 'UTC',
    language: 'en',
  });
  return cohort.id;
}
