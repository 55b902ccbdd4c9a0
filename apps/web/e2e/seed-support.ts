// Seed data for the support desk browser tests, called by seed.ts: one cohort per Playwright project (so the two
// projects never see each other's questions), with two learners and two tutors.
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import type { App } from '@labmig/core/app';
import type { SeedBase } from './seed-base.ts';
import type { Account } from './state.ts';

/** One project's support desk. */
export interface SupportSeed {
  readonly cohortId: string;
  /** s1 asks; s2 must never see s1's questions; tutorA answers and hands over to tutorB. */
  readonly people: Readonly<Record<'s1' | 's2' | 'tutorA' | 'tutorB', Account>>;
}

/** What the support specs read from state.json (`support`), per project. */
export type SupportState = Readonly<Record<'js' | 'no-js', SupportSeed>>;

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function seedProject(app: App, base: SeedBase, project: 'js' | 'no-js'): Promise<SupportSeed> {
  const cohort = await createCohort(app, {
    courseSlug: base.slug,
    title: `Support cohort (${project})`,
    startsOn: day(-9),
    endsOn: day(33),
    capacity: 100,
  });
  const who = async (key: string, name: string, role: 'learner' | 'tutor') => {
    const account = await base.person(`support-${project}-${key}@e2e.test`, name);
    await enrolUser(app, { cohortId: cohort.id, email: account.email, role });
    return account;
  };
  return {
    cohortId: cohort.id,
    people: {
      s1: await who('s1', 'Selin Kaya', 'learner'),
      s2: await who('s2', 'Sipho Dlamini', 'learner'),
      tutorA: await who('tutor-a', 'Hugo Laurent', 'tutor'),
      tutorB: await who('tutor-b', 'Keiko Tanaka', 'tutor'),
    },
  };
}

/** Seeds both projects' support desks. */
export async function seedSupport(app: App, base: SeedBase): Promise<SupportState> {
  return { js: await seedProject(app, base, 'js'), 'no-js': await seedProject(app, base, 'no-js') };
}
