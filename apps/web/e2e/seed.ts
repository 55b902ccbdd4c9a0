// Prepares the e2e database through core (run with tsx by global-setup.ts): migrations, the course content,
// users with each role, and cohorts in every enrolment state. Writes what the tests need to `state.json`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import { createUser } from '@labmig/core/accounts';
import { editionCohortId, importContent } from '@labmig/core/importer';
import { loadConfig, openApp } from '@labmig/core/app';
import { seedQuizLearner } from './seed-quiz-learner.ts';
import { seedQuizStaff } from './seed-quiz-staff.ts';
import { seedForums } from './seed-forums.ts';
import { seedAssignments } from './seed-assignments.ts';
import { seedCertificates } from './seed-certificates.ts';
import { seedSupport } from './seed-support.ts';
import { seedProgrammes } from './seed-programmes.ts';
import { seedLabExercises } from './seed-lab-exercises.ts';

const PASSWORD = 'e2e-password-123';
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const app = await openApp(loadConfig());
try {
  const imported = await importContent(app, app.config.contentDir);
  if (!imported.ok) throw new Error(`content import failed: ${JSON.stringify(imported.errors.slice(0, 3))}`);

  const person = async (email: string, name: string, isAdmin = false) => {
    const input = {
      name,
      email,
      password: PASSWORD,
      country: 'FR',
      organisationType: 'nso' as const,
      jobTitle: 'Statistician',
      locale: 'en' as const,
    };
    await createUser(app, input, { isAdmin });
    return { email, name, password: PASSWORD };
  };
  const admin = await person('admin@e2e.test', 'Ada Admin', true);
  const tutor = await person('tutor@e2e.test', 'Theo Tutor');
  const manager = await person('manager@e2e.test', 'Mona Manager');
  const learner = await person('learner@e2e.test', 'Lea Learner');
  // One learner of the running cohort per Playwright project, so the two projects never share progress.
  const students = {
    js: await person('student-js@e2e.test', 'Sam Student'),
    'no-js': await person('student-nojs@e2e.test', 'Noa Student'),
  };

  const slug = 'measuring-labour-migration';
  const open = await createCohort(app, {
    courseSlug: slug,
    title: 'Spring cohort',
    startsOn: day(-3),
    endsOn: day(39),
    capacity: 500,
  });
  const full = await createCohort(app, {
    courseSlug: slug,
    title: 'Small cohort',
    startsOn: day(60),
    endsOn: day(101),
    capacity: 1,
    waitlistEnabled: false,
  });
  const waitlist = await createCohort(app, {
    courseSlug: slug,
    title: 'Popular cohort',
    startsOn: day(30),
    endsOn: day(71),
    capacity: 1,
  });
  const later = await createCohort(app, {
    courseSlug: slug,
    title: 'Autumn cohort',
    startsOn: day(200),
    endsOn: day(241),
    enrolOpensAt: new Date(Date.now() + 100 * 86_400_000).toISOString(),
  });
  // Started 9 days ago: week 2 is the current week (weeks 1–2 open, 3–6 outline).
  const running = await createCohort(app, {
    courseSlug: slug,
    title: 'Running cohort',
    startsOn: day(-9),
    endsOn: day(33),
    capacity: 500,
  });
  for (const s of Object.values(students))
    await enrolUser(app, { cohortId: running.id, email: s.email, role: 'learner' });
  await enrolUser(app, { cohortId: running.id, email: tutor.email, role: 'tutor' });
  await enrolUser(app, { cohortId: running.id, email: manager.email, role: 'manager' });
  await enrolUser(app, { cohortId: open.id, email: tutor.email, role: 'tutor' });
  await enrolUser(app, { cohortId: open.id, email: manager.email, role: 'manager' });
  await enrolUser(app, { cohortId: open.id, email: learner.email, role: 'learner' });
  await enrolUser(app, { cohortId: full.id, email: learner.email, role: 'learner' });
  await enrolUser(app, { cohortId: waitlist.id, email: learner.email, role: 'learner' });

  const base = {
    password: PASSWORD,
    admin,
    tutor,
    manager,
    learner,
    students,
    slug,
    cohorts: {
      open: open.id,
      full: full.id,
      waitlist: waitlist.id,
      later: later.id,
      running: running.id,
      edition2020: editionCohortId(slug, '2020'),
    },
    person,
  };
  const { password: _password, person: _person, ...shared } = base;
  const state = {
    ...shared,
    quizLearner: await seedQuizLearner(app, base),
    quizStaff: await seedQuizStaff(app, base),
    forums: await seedForums(app, base),
    assignments: await seedAssignments(app, base),
    certificates: await seedCertificates(app, base),
    support: await seedSupport(app, base),
    programmes: await seedProgrammes(app, base),
    labExercises: await seedLabExercises(app, base),
  };
  writeFileSync(join(process.env.LABMIG_E2E_DIR ?? '.', 'state.json'), JSON.stringify(state, null, 2));
} finally {
  await app.close();
}
