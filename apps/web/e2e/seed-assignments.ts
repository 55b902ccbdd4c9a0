// Seed data for the assignment browser tests, called by seed.ts: one cohort per Playwright project, started 24 days
// ago (week 4 current), so that the week 2 assignment is closed, the week 3 one is late (due yesterday, cut-off in
// three days), the module 7 group assignment and the final assignment are open. One group with two members and
// its tutor; one learner on their own.
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import type { App } from '@labmig/core/app';
import { createGroup, placeLearner, setGroupTutor } from '@labmig/core/groups';
import { actorByEmail } from '@labmig/core/testing';
import type { SeedBase } from './seed-base.ts';
import type { Account } from './state.ts';

/** One project's assignment world. */
export interface AssignmentSeed {
  readonly cohortId: string;
  /** solo: individual work; g1, g2: group "Andes"; tutor tutors it; manager manages the cohort. */
  readonly people: Readonly<Record<'solo' | 'g1' | 'g2' | 'tutor' | 'manager', Account>>;
  readonly keys: {
    readonly final: string;
    readonly group: string;
    readonly late: string;
    readonly closed: string;
  };
}

/** What the assignment specs read from state.json (`assignments`), per project. */
export type AssignmentsState = Readonly<Record<'js' | 'no-js', AssignmentSeed>>;

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function seedProject(app: App, base: SeedBase, project: 'js' | 'no-js'): Promise<AssignmentSeed> {
  const cohort = await createCohort(app, {
    courseSlug: base.slug,
    title: `Assignments cohort (${project})`,
    startsOn: day(-24),
    endsOn: day(18),
    capacity: 100,
  });
  const who = async (key: string, name: string, role: 'learner' | 'tutor' | 'manager') => {
    const account = await base.person(`asg-${project}-${key}@e2e.test`, name);
    await enrolUser(app, { cohortId: cohort.id, email: account.email, role });
    return account;
  };
  const people = {
    solo: await who('solo', 'Sofía Herrera', 'learner'),
    g1: await who('g1', 'Gabriel Mensah', 'learner'),
    g2: await who('g2', 'Grace Njeri', 'learner'),
    tutor: await who('tutor', 'Tariq Aziz', 'tutor'),
    manager: await who('manager', 'Marta Silva', 'manager'),
  };
  const actor = (a: Account) => actorByEmail(app.db, a.email);
  const manager = await actor(people.manager);
  const { groupId } = await createGroup(app, manager, cohort.id, { name: 'Andes' });
  await setGroupTutor(app, manager, cohort.id, { groupId, tutorUserId: (await actor(people.tutor)).userId });
  for (const p of [people.g1, people.g2])
    await placeLearner(app, manager, cohort.id, { userId: (await actor(p)).userId, groupId });
  return {
    cohortId: cohort.id,
    people,
    keys: {
      final: 'final-statistical-note',
      group: 'w4-group-coherence-matrix',
      late: 'w3-reaching-migrant-workers',
      closed: 'w2-ilms-tables',
    },
  };
}

/** Seeds both projects' assignment worlds. */
export async function seedAssignments(app: App, base: SeedBase): Promise<AssignmentsState> {
  return { js: await seedProject(app, base, 'js'), 'no-js': await seedProject(app, base, 'no-js') };
}
