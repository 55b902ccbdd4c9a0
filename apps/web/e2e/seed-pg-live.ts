// For live-two-processes.spec.ts (run with tsx, as seed.ts): `seed` migrates and fills the PostgreSQL schema
// DATABASE_SCHEMA of DATABASE_URL (created here) — the course, a cohort, a tutor and a learner signed in, one
// discussion — and prints what the spec needs as JSON; `drop` removes the schema.
import { loadConfig, openApp } from '@labmig/core/app';
import { actorByEmail } from '@labmig/core/testing';
import { createUser, SESSION_COOKIE, signIn } from '@labmig/core/accounts';
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import { listForums, startThread } from '@labmig/core/forums';
import { importContent } from '@labmig/core/importer';
import pg from 'pg';

const url = process.env.DATABASE_URL!;
/** Runs one statement on its own connection (creating and dropping the schema). */
async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
const schema = process.env.DATABASE_SCHEMA!;
if (!/^e2e_live_[a-z0-9]+$/.test(schema)) throw new Error(`unexpected schema ${schema}`);

if (process.argv[2] === 'drop') {
  await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
} else {
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const app = await openApp(loadConfig());
  try {
    const imported = await importContent(app, app.config.contentDir);
    if (!imported.ok)
      throw new Error(`content import failed: ${JSON.stringify(imported.errors.slice(0, 3))}`);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const cohort = await createCohort(app, {
      courseSlug: 'measuring-labour-migration',
      title: 'Two-process cohort',
      startsOn: day(-3),
      endsOn: day(39),
      capacity: 10,
    });
    // Accounts as sign-up makes them, sessions as sign-in opens them.
    const password = 'two-processes-123';
    const person = async (key: string, name: string, role: 'tutor' | 'learner') => {
      const email = `${key}@two-processes.test`;
      const profile = { country: 'FR', organisationType: 'nso' as const, jobTitle: 'Statistician' };
      await createUser(app, { name, email, password, locale: 'en' as const, ...profile });
      await enrolUser(app, { cohortId: cohort.id, email, role });
      const grant = await signIn(app, { email, password }, { ip: '127.0.0.1' });
      return { actor: await actorByEmail(app.db, email), cookie: `${SESSION_COOKIE}=${grant.sessionToken}` };
    };
    const tutor = await person('tutor', 'Tara Tutor', 'tutor');
    const learner = await person('learner', 'Leo Learner', 'learner');
    const forums = await listForums(app, tutor.actor, cohort.id, 'en');
    const general = forums.forums.find((f) => f.kind === 'general')!;
    const { threadId } = await startThread(app, tutor.actor, cohort.id, {
      forumId: general.id,
      title: 'Across processes',
      body: 'Replies here reach every server process.',
    });
    process.stdout.write(
      JSON.stringify({ cohortId: cohort.id, threadId, tutor: tutor.cookie, learner: learner.cookie }),
    );
  } finally {
    await app.close();
  }
}
