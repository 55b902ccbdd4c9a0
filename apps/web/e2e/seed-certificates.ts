// Seed data for the certificate browser tests, called by seed.ts after the shared users exist: one cohort per
// Playwright project that started 50 days ago, a learner who has passed every weekly assessment (grades overridden by
// the tutor) and so lacks only the final assignment, the shared manager and tutor.
import { overrideGrade } from '@labmig/core/assessment';
import type { App } from '@labmig/core/app';
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import { actorByEmail } from '@labmig/core/testing';
import type { SeedBase } from './seed-base.ts';
import type { Account } from './state.ts';

/** One project's certificate world. */
export interface CertificateSeed {
  readonly cohortId: string;
  readonly learner: Account;
}

/** What the certificate specs read from state.json (`certificates`), per Playwright project. */
export type CertificatesState = Readonly<Record<'js' | 'no-js', CertificateSeed>>;

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Seeds the certificate worlds; returns what the specs read. */
export async function seedCertificates(app: App, base: SeedBase): Promise<CertificatesState> {
  const tutor = await actorByEmail(app.db, base.tutor.email);
  const world = async (project: 'js' | 'no-js', name: string): Promise<CertificateSeed> => {
    const cohort = await createCohort(app, {
      courseSlug: base.slug,
      title: `Certificate cohort ${project}`,
      startsOn: day(-50),
      endsOn: day(-8),
      capacity: 50,
    });
    const learner = await base.person(`cert-${project}@e2e.test`, name);
    await enrolUser(app, { cohortId: cohort.id, email: learner.email, role: 'learner' });
    await enrolUser(app, { cohortId: cohort.id, email: base.tutor.email, role: 'tutor' });
    await enrolUser(app, { cohortId: cohort.id, email: base.manager.email, role: 'manager' });
    const { userId } = await actorByEmail(app.db, learner.email);
    const quizzes = await app.db
      .selectFrom('quizzes')
      .select('id')
      .where('cohort_id', '=', cohort.id)
      .execute();
    for (const quiz of quizzes)
      await overrideGrade(app, tutor, {
        cohortId: cohort.id,
        quizId: quiz.id,
        userId,
        grade: 90,
        reason: 'Passed (seeded for the certificate tests)',
      });
    return { cohortId: cohort.id, learner };
  };
  return { js: await world('js', 'Zoé Ōkubo-Nguyễn'), 'no-js': await world('no-js', 'Алия Қасымова') };
}
