// Seed data for the Lab exercise browser tests, called by seed.ts: one cohort per Playwright project, started three
// days ago (week 1 current), so the week 1 exercise (participation of foreign-born women, due week 2 day 3) is open.
// A learner and a tutor per project.
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import type { App } from '@labmig/core/app';
import type { SeedBase } from './seed-base.ts';
import type { Account } from './state.ts';

/** One project's Lab exercise world. */
export interface LabExerciseSeed {
  readonly cohortId: string;
  readonly people: Readonly<Record<'learner' | 'tutor', Account>>;
  /** The week 1 exercise (a spec on the practice dataset). */
  readonly key: string;
}

/** What the Lab exercise specs read from state.json (`labExercises`), per project. */
export type LabExercisesState = Readonly<Record<'js' | 'no-js', LabExerciseSeed>>;

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function seedProject(app: App, base: SeedBase, project: 'js' | 'no-js'): Promise<LabExerciseSeed> {
  const cohort = await createCohort(app, {
    courseSlug: base.slug,
    title: `Lab exercises cohort (${project})`,
    startsOn: day(-3),
    endsOn: day(39),
    capacity: 100,
  });
  const who = async (key: string, name: string, role: 'learner' | 'tutor') => {
    const account = await base.person(`lx-${project}-${key}@e2e.test`, name);
    await enrolUser(app, { cohortId: cohort.id, email: account.email, role });
    return account;
  };
  return {
    cohortId: cohort.id,
    people: {
      learner: await who('learner', 'Lina Haddad', 'learner'),
      tutor: await who('tutor', 'Tomás Ortega', 'tutor'),
    },
    key: 'w1-participation-of-foreign-born-women',
  };
}

/** Seeds both projects' Lab exercise worlds. */
export async function seedLabExercises(app: App, base: SeedBase): Promise<LabExercisesState> {
  return { js: await seedProject(app, base, 'js'), 'no-js': await seedProject(app, base, 'no-js') };
}
