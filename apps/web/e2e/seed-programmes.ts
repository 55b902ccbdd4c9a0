// Seed data for the programme and diploma browser tests, called by seed.ts after the shared users exist: a test
// programme (fixtures/programme-content/, imported with the content importer beside the repository's Diploma), and
// one finished cohort per Playwright project with a learner who has no certificate yet. The spec has the manager
// issue the course certificate; the diploma follows.
import { join } from 'node:path';
import type { App } from '@labmig/core/app';
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import { importContent } from '@labmig/core/importer';
import type { SeedBase } from './seed-base.ts';
import type { Account } from './state.ts';

/** One project's programme world. */
export interface ProgrammeSeed {
  readonly cohortId: string;
  readonly learner: Account;
}

/** What the programme specs read from state.json (`programmes`), per Playwright project. */
export type ProgrammesState = Readonly<Record<'js' | 'no-js', ProgrammeSeed>>;

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Seeds the programme worlds; returns what the specs read. */
export async function seedProgrammes(app: App, base: SeedBase): Promise<ProgrammesState> {
  const imported = await importContent(app, join(import.meta.dirname, 'fixtures', 'programme-content'));
  if (!imported.ok) throw new Error(`programme fixture import failed: ${JSON.stringify(imported.errors)}`);
  const world = async (project: 'js' | 'no-js', name: string): Promise<ProgrammeSeed> => {
    const cohort = await createCohort(app, {
      courseSlug: base.slug,
      title: `Programme cohort ${project}`,
      startsOn: day(-60),
      endsOn: day(-18),
      capacity: 50,
    });
    const learner = await base.person(`programme-${project}@e2e.test`, name);
    await enrolUser(app, { cohortId: cohort.id, email: learner.email, role: 'learner' });
    await enrolUser(app, { cohortId: cohort.id, email: base.manager.email, role: 'manager' });
    return { cohortId: cohort.id, learner };
  };
  return {
    js: await world('js', 'Ngozi Okonkwo-Müller'),
    'no-js': await world('no-js', 'Hélène Dubois-Ōta'),
  };
}
