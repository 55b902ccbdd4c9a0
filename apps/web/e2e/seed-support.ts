// Seed data for the support desk browser tests, called by seed.ts: one cohort per Playwright project (so the two
// projects never see each other's questions), with two learners and two tutors. The cohorts keep time in a zone of
// their own (DIGEST_ZONE): a tutor's announcement waits for the daily digest, and the digest job of that zone is
// queued, so the server's job runner mails the digest (to the outbox) for the digest test.
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import type { App } from '@labmig/core/app';
import { listForums, startThread } from '@labmig/core/forums';
import { JOB_CATALOGUE } from '@labmig/core/job-catalogue';
import { enqueueJob } from '@labmig/core/jobs';
import { actorByEmail } from '@labmig/core/testing';
import type { SeedBase } from './seed-base.ts';
import type { Account } from './state.ts';

/** The time zone of the support cohorts (no other cohort of the e2e database uses it). */
export const DIGEST_ZONE = 'Pacific/Chatham';
/** The title of the announcement the digest carries. */
export const DIGEST_ANNOUNCEMENT = 'Office hours on the live desk';

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
    timeZone: DIGEST_ZONE,
  });
  const who = async (key: string, name: string, role: 'learner' | 'tutor') => {
    const account = await base.person(`support-${project}-${key}@e2e.test`, name);
    await enrolUser(app, { cohortId: cohort.id, email: account.email, role });
    return account;
  };
  const people = {
    s1: await who('s1', 'Selin Kaya', 'learner'),
    s2: await who('s2', 'Sipho Dlamini', 'learner'),
    tutorA: await who('tutor-a', 'Hugo Laurent', 'tutor'),
    tutorB: await who('tutor-b', 'Keiko Tanaka', 'tutor'),
  };
  const tutor = await actorByEmail(app.db, people.tutorA.email);
  const announcements = (await listForums(app, tutor, cohort.id, 'en')).forums.find(
    (f) => f.kind === 'announcements',
  )!;
  await startThread(app, tutor, cohort.id, {
    forumId: announcements.id,
    title: `${DIGEST_ANNOUNCEMENT} (${project})`,
    body: 'A tutor is on the **live support** desk every weekday from 09:00 to 11:00 UTC.',
  });
  return { cohortId: cohort.id, people };
}

/** Seeds both projects' support desks. */
export async function seedSupport(app: App, base: SeedBase): Promise<SupportState> {
  const state = { js: await seedProject(app, base, 'js'), 'no-js': await seedProject(app, base, 'no-js') };
  const digest = JOB_CATALOGUE.types.find((t) => t.type === 'notifications.digest')!;
  // A moment after the seed's last write (the server's runner would otherwise meet its write lock and retry later).
  await enqueueJob(
    app,
    digest,
    { timeZone: DIGEST_ZONE, day: new Date().toISOString().slice(0, 10) },
    { runAt: new Date(Date.now() + 3_000) },
  );
  return state;
}
