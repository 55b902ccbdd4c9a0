import { findUserByEmail, type Database, type Kysely } from '@labmig/db';
import type { UserActor } from '../access/actor.ts';
import { actorOf } from '../accounts/user.present.ts';

/** The actor of the user with this email (seeds and tests act as a person). @throws Error when there is none */
export async function actorByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<UserActor & { readonly userId: string }> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`no user ${email}`);
  return actorOf(user);
}

/** A quiz as commands take it, with the cohort it belongs to. @throws Error when there is none */
export async function quizRefOf(
  db: Kysely<Database>,
  quizId: string,
): Promise<{ cohortId: string; quizId: string }> {
  const row = await db.selectFrom('quizzes').select('cohort_id').where('id', '=', quizId).executeTakeFirst();
  if (!row) throw new Error(`no quiz ${quizId}`);
  return { cohortId: row.cohort_id, quizId };
}

/** The actor of a test user (in English; a site admin when asked). */
export const worldActorOf = (u: { id: string; name: string; email: string }, isAdmin = false): UserActor => ({
  kind: 'user',
  userId: u.id,
  name: u.name,
  email: u.email,
  locale: 'en',
  isAdmin,
});
