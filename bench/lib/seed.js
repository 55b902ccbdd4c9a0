// Seeding a benchmark's temp SQLite database through core (bench:quiz, bench:live): migrations, the course content,
// a cohort whose week 1 is open, and people enrolled with one session each. Import after tsx's register().
//
// Sessions are inserted through packages/db, not by signing in: sign-in verifies an argon2id hash (tens of ms of
// CPU each, 500 of them) and the per-IP login limit would refuse most of 500 sign-ins from 127.0.0.1. The session
// row is exactly what sign-in writes (id = sha256 of the cookie token), so the server resolves the cookie as usual.
// Accounts are inserted the same way with a password hash that matches no password (they never sign in); enrolment
// goes through core's enrolUser.
import { loadCoreDoors } from './core-doors.js';

/** Days from today (UTC) as YYYY-MM-DD. */
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Opens core's App on `databasePath` (migrated on opening) with the repository's content imported, runs `seed` with
 * it and core's doors, and closes the App.
 * @template T
 * @param {{ repoRoot: string, databasePath: string }} options
 * @param {(app: object, doors: Awaited<ReturnType<typeof loadCoreDoors>>) => Promise<T>} seed
 * @returns {Promise<T>}
 */
export async function withContentApp({ repoRoot, databasePath }, seed) {
  const doors = await loadCoreDoors();
  const { core } = doors;
  const env = { DATABASE_PATH: databasePath, LOG_LEVEL: 'warn', TZ: 'UTC' };
  const app = await core.openApp(core.loadConfig(env, repoRoot), {
    logger: core.createLogger('warn', (line) => process.stderr.write(`${line}\n`)),
  });
  try {
    const imported = await core.importContent(app, app.config.contentDir);
    if (!imported.ok)
      throw new Error(`content import failed: ${JSON.stringify(imported.errors.slice(0, 3))}`);
    return await seed(app, doors);
  } finally {
    await app.close();
  }
}

/**
 * A cohort of the course that started yesterday (week 1 opened at midnight UTC and stays open for 7 days) and ends
 * in 40 days, in UTC and English, with room for `capacity`.
 */
export function createBenchCohort(app, core, { courseSlug, title, capacity }) {
  return core.createCohort(app, {
    courseSlug,
    title,
    startsOn: day(-1),
    endsOn: day(40),
    capacity,
    timeZone: 'UTC',
    language: 'en',
  });
}

/**
 * Inserts one account per person, each with a session (in one transaction), then enrols them in the cohort in
 * order with their role.
 * @param {{ email: string, name: string, role: 'learner' | 'tutor' }[]} people
 * @returns {Promise<{ user: object, cookie: string }[]>} in the order of `people`; `cookie` is the session cookie
 */
export async function enrolWithSessions(app, core, cohortId, people) {
  const { generateToken, hashToken } = await import('@labmig/core/testing');
  const db = await import('@labmig/db');
  const now = new Date().toISOString();
  // The lifetime sign-in gives (SESSION_DAYS), so the server does not extend (rewrite) every session on first use.
  const expires = new Date(Date.now() + app.config.sessionDays * 86_400_000).toISOString();
  const seeded = [];
  await app.db.transaction().execute(async (trx) => {
    for (const person of people) {
      const user = await db.insertUser(trx, {
        id: db.newId(),
        email: person.email,
        name: person.name,
        password_hash: '!no-password',
        is_admin: 0,
        locale: 'en',
        country: 'FR',
        organisation_type: 'nso',
        job_title: 'Statistician',
        created_at: now,
        updated_at: now,
      });
      const token = generateToken();
      await db.insertSession(trx, {
        id: hashToken(token),
        user_id: user.id,
        created_at: now,
        expires_at: expires,
        last_seen_at: now,
      });
      seeded.push({ user, cookie: `${core.SESSION_COOKIE}=${token}` });
    }
  });
  for (const [i, { user }] of seeded.entries())
    await core.enrolUser(app, { cohortId, email: user.email, role: people[i].role });
  return seeded;
}
