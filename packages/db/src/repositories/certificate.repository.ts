import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CertificateTable, Database } from '../database.types.ts';

/** A stored certificate or diploma. */
export type CertificateRow = Selectable<CertificateTable>;

const SEQUENCE = 'certificates';

/**
 * Takes the next status-list sequence (0, 1, 2 …) inside `trx`. The update locks the counter row until the
 * transaction ends (PostgreSQL) or holds the write lock (SQLite), so issuing and revoking run one at a time.
 */
export async function takeCertificateSequence(trx: Kysely<Database>): Promise<number> {
  await trx
    .insertInto('certificate_counters')
    .values({ name: SEQUENCE, next_value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await trx
    .updateTable('certificate_counters')
    .set((eb) => ({ next_value: eb('next_value', '+', 1) }))
    .where('name', '=', SEQUENCE)
    .returning('next_value')
    .executeTakeFirstOrThrow();
  return row.next_value - 1;
}

/** Locks the certificate counter without taking a number (revocations wait for issuing and each other). */
export async function lockCertificates(trx: Kysely<Database>): Promise<void> {
  await trx
    .insertInto('certificate_counters')
    .values({ name: SEQUENCE, next_value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  await trx
    .updateTable('certificate_counters')
    .set((eb) => ({ next_value: eb('next_value', '+', 0) }))
    .where('name', '=', SEQUENCE)
    .execute();
}

/** Inserts an issued certificate. */
export async function insertCertificate(
  db: Kysely<Database>,
  row: Insertable<CertificateTable>,
): Promise<void> {
  await db.insertInto('certificates').values(row).execute();
}

/** A certificate by its code (exact, as formatted), or undefined. */
export function findCertificateByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('certificates').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A certificate by id, or undefined. */
export function findCertificateById(db: Kysely<Database>, id: string) {
  return db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** True when the code was ever given out (revoked ones included). */
export async function isCertificateCodeTaken(db: Kysely<Database>, code: string): Promise<boolean> {
  return (await findCertificateByCode(db, code)) !== undefined;
}

/** A person's certificate for a cohort, or undefined. */
export function findCohortCertificate(db: Kysely<Database>, cohortId: string, userId: string) {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** A person's diploma of a programme, or undefined. */
export function findProgrammeCertificate(db: Kysely<Database>, programmeSlug: string, userId: string) {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('programme_slug', '=', programmeSlug)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Every certificate and diploma of a person, newest first. */
export function listCertificatesOfUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('issued_at', 'desc')
    .orderBy('sequence', 'desc')
    .execute();
}

/** Every certificate of a cohort. */
export function listCertificatesOfCohort(db: Kysely<Database>, cohortId: string) {
  return db.selectFrom('certificates').selectAll().where('cohort_id', '=', cohortId).execute();
}

/** Marks a certificate revoked. */
export async function markCertificateRevoked(
  db: Kysely<Database>,
  id: string,
  revoked: { revoked_at: string; revoked_by: string | null; revoke_reason: string },
): Promise<void> {
  await db.updateTable('certificates').set(revoked).where('id', '=', id).execute();
}

/** The revoked status-list indexes of one list. */
export async function listRevokedIndexes(db: Kysely<Database>, list: number): Promise<number[]> {
  const rows = await db
    .selectFrom('certificates')
    .select('status_index')
    .where('status_list', '=', list)
    .where('revoked_at', 'is not', null)
    .execute();
  return rows.map((r) => r.status_index);
}

/** The newest signed text of a revocation list, or undefined. */
export async function findStatusList(db: Kysely<Database>, list: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('certificate_status_lists')
    .select('credential')
    .where('list', '=', list)
    .executeTakeFirst();
  return row?.credential;
}

/** Stores the newest signed text of a revocation list (replaces the previous one). */
export async function saveStatusList(
  db: Kysely<Database>,
  list: number,
  credential: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('certificate_status_lists')
    .values({ list, credential, updated_at: at })
    .onConflict((oc) => oc.column('list').doUpdateSet({ credential, updated_at: at }))
    .execute();
}

/**
 * The course slugs in which a person holds a valid (not revoked) Certificate of Achievement: what a programme
 * counts as earned, the same fact "My certificates" shows.
 */
export async function listEarnedCourseSlugs(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('certificates')
    .innerJoin('cohorts', 'cohorts.id', 'certificates.cohort_id')
    .innerJoin('courses', 'courses.id', 'cohorts.course_id')
    .select('courses.slug')
    .distinct()
    .where('certificates.user_id', '=', userId)
    .where('certificates.kind', '=', 'certificate')
    .where('certificates.revoked_at', 'is', null)
    .execute();
  return rows.map((r) => r.slug).sort();
}

/**
 * People who hold a valid certificate in at least one of `courseSlugs` and have no diploma of `programmeSlug`
 * (revoked ones included: a revoked diploma is never issued again) — the candidates for that diploma.
 */
export async function listDiplomaCandidates(
  db: Kysely<Database>,
  programmeSlug: string,
  courseSlugs: readonly string[],
): Promise<string[]> {
  if (courseSlugs.length === 0) return [];
  const rows = await db
    .selectFrom('certificates')
    .innerJoin('cohorts', 'cohorts.id', 'certificates.cohort_id')
    .innerJoin('courses', 'courses.id', 'cohorts.course_id')
    .select('certificates.user_id')
    .distinct()
    .where('certificates.kind', '=', 'certificate')
    .where('certificates.revoked_at', 'is', null)
    .where('courses.slug', 'in', courseSlugs)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('certificates as d')
            .select('d.id')
            .whereRef('d.user_id', '=', 'certificates.user_id')
            .where('d.programme_slug', '=', programmeSlug),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.user_id).sort();
}
