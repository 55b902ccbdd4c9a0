import {
  findCertificateByCode,
  findCohortById,
  findCourseById,
  findProgrammeBySlug,
  findStatusList,
  listEarnedCourseSlugs,
  listCertificatesOfUser,
  type CertificateRow,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { loadCohortAccess, ownedBy } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { parseCertificateCode } from './certificate-code.rules.ts';
import { courseCertificateOf } from './certificate-course.ts';
import { resignStatusList } from './certificate-issue.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import type { CertificateLocale } from './certificate-pdf.texts.ts';
import type { CertificateServices } from './certificate-services.ts';
import { certificateUrls, type CertificateUrls } from './certificate-urls.ts';
import { programmeOf, programmeTexts } from './programme-diploma.ts';
import { STATUS_LIST_BITS } from './status-list.ts';

/** What the public verify page says about a typed code. */
export type CodeCheckDto =
  | { readonly state: 'malformed'; readonly problem: 'format' | 'checksum'; readonly typed: string }
  | { readonly state: 'unknown'; readonly code: string }
  | {
      readonly state: 'valid' | 'revoked';
      readonly code: string;
      readonly kind: 'certificate' | 'diploma';
      readonly recipientName: string;
      readonly achievementName: string;
      readonly issuerName: string;
      readonly issuedAt: string;
      readonly edition: { readonly startDate: string; readonly endDate: string } | null;
      readonly revokedAt: string | null;
      readonly urls: CertificateUrls;
    };

interface StoredCredential {
  credentialSubject?: { achievement?: { name?: string } };
  issuer?: { name?: string };
}

function achievementNameOf(row: CertificateRow): string {
  const parsed = JSON.parse(row.credential) as StoredCredential;
  return parsed.credentialSubject?.achievement?.name ?? '';
}

/**
 * The public check of a certificate code: `malformed` (with why, answered before any lookup), `unknown`,
 * `valid`, or `revoked` with the date. Needs no account; never throws for any input.
 */
export async function checkCertificateCode(
  app: App,
  services: CertificateServices,
  typed: string,
): Promise<CodeCheckDto> {
  const parsed = parseCertificateCode(typed.slice(0, 64));
  if (!parsed.ok) return { state: 'malformed', problem: parsed.problem, typed: typed.slice(0, 64) };
  const row = await findCertificateByCode(app.db, parsed.code);
  if (!row) return { state: 'unknown', code: parsed.code };
  const cohort = row.cohort_id ? await findCohortById(app.db, row.cohort_id) : undefined;
  return {
    state: row.revoked_at ? 'revoked' : 'valid',
    code: row.code,
    kind: row.kind,
    recipientName: row.recipient_name,
    achievementName: achievementNameOf(row),
    issuerName: (JSON.parse(row.credential) as StoredCredential).issuer?.name ?? services.issuerName,
    issuedAt: row.issued_at,
    edition: cohort ? { startDate: cohort.starts_on, endDate: cohort.ends_on } : null,
    revokedAt: row.revoked_at,
    urls: certificateUrls(services.origin, row.code),
  };
}

/**
 * The signed credential of a code, exactly as signed (public: the credential is what the holder shares).
 * @throws NotFoundError `certificate.not_found`
 */
export async function getCredentialText(app: App, typed: string): Promise<string> {
  const parsed = parseCertificateCode(typed.slice(0, 64));
  const row = parsed.ok ? await findCertificateByCode(app.db, parsed.code) : undefined;
  if (!row) throw new NotFoundError('certificate.not_found');
  return row.credential;
}

/**
 * The newest signed revocation list `list` (public). A list that exists in numbering but was never signed (no
 * revocation yet) is signed now and kept.
 * @throws NotFoundError `certificate.not_found` for a list no certificate points to
 */
export async function getStatusListText(
  app: App,
  services: CertificateServices,
  list: number,
): Promise<string> {
  if (!Number.isSafeInteger(list) || list < 1) throw new NotFoundError('certificate.not_found');
  const stored = await findStatusList(app.db, list);
  if (stored !== undefined) return stored;
  const used = await app.db
    .selectFrom('certificates')
    .select('id')
    .where('sequence', '>=', (list - 1) * STATUS_LIST_BITS)
    .where('sequence', '<', list * STATUS_LIST_BITS)
    .executeTakeFirst();
  if (!used) throw new NotFoundError('certificate.not_found');
  return app.db
    .transaction()
    .execute(async (trx) => (await findStatusList(trx, list)) ?? resignStatusList(app, services, trx, list));
}

async function downloadable(app: App, actor: Actor, typed: string): Promise<CertificateRow> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const parsed = parseCertificateCode(typed.slice(0, 64));
  const row = parsed.ok ? await findCertificateByCode(app.db, parsed.code) : undefined;
  if (!row) throw new NotFoundError('certificate.not_found');
  if (row.cohort_id === null) {
    if (row.user_id !== actor.userId && !actor.isAdmin) throw new NotFoundError('certificate.not_found');
    return row;
  }
  const { access } = await loadCohortAccess(app.db, actor, row.cohort_id);
  assertCan(actor, 'certificate.download', ownedBy(access, row.user_id), { hidden: 'certificate.not_found' });
  return row;
}

/**
 * The printable PDF of a certificate in `locale`, for its owner and the cohort's staff.
 * @throws UnauthenticatedError; NotFoundError `certificate.not_found` (also for people who may not see it)
 */
export async function getCertificatePdf(
  app: App,
  services: CertificateServices,
  actor: Actor,
  typed: string,
  locale: CertificateLocale,
): Promise<{ readonly pdf: Buffer; readonly fileName: string }> {
  const row = await downloadable(app, actor, typed);
  const cohort = row.cohort_id ? await findCohortById(app.db, row.cohort_id) : undefined;
  const course = cohort ? await findCourseById(app.db, cohort.course_id) : undefined;
  const texts = course ? courseCertificateOf(course, locale) : null;
  const diploma = row.programme_slug ? await diplomaPrint(app, row, locale) : null;
  const pdf = await renderCertificatePdf({
    kind: row.kind,
    locale,
    recipientName: row.recipient_name,
    title: texts?.courseTitle ?? diploma?.title ?? achievementNameOf(row),
    ...(diploma && diploma.courses.length > 0 ? { courses: diploma.courses } : {}),
    ...(cohort ? { edition: { startDate: cohort.starts_on, endDate: cohort.ends_on } } : {}),
    ...(texts?.learningHours ? { learningHours: texts.learningHours } : {}),
    issuedOn: row.issued_at.slice(0, 10),
    code: row.code,
    verifyUrl: certificateUrls(services.origin, row.code).verifyUrl,
    issuerName: services.issuerName,
  });
  return { pdf, fileName: `${row.code}.pdf` };
}

// A diploma prints the programme's title and the courses whose valid certificates count towards it, in `locale`.
async function diplomaPrint(app: App, row: CertificateRow, locale: CertificateLocale) {
  const found = await findProgrammeBySlug(app.db, row.programme_slug ?? '');
  if (!found) return null;
  const programme = programmeOf(found);
  const texts = await programmeTexts(app.db, programme, locale);
  const earned = new Set(await listEarnedCourseSlugs(app.db, row.user_id));
  const courses = programme.courses
    .filter((c) => c.offered && earned.has(c.key))
    .map((c) => texts.courseTitles.get(c.key) ?? c.key);
  return { title: texts.title, courses };
}

/** One of the actor's certificates, for "My certificates". */
export interface MyCertificateDto extends CertificateUrls {
  readonly id: string;
  readonly code: string;
  readonly kind: 'certificate' | 'diploma';
  readonly achievementName: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
  readonly cohortId: string | null;
  /** The programme of a diploma (null for a course certificate). */
  readonly programmeSlug: string | null;
}

/** The signed-in actor's certificates and diplomas, newest first. @throws UnauthenticatedError */
export async function listMyCertificates(
  app: App,
  services: CertificateServices,
  actor: Actor,
): Promise<readonly MyCertificateDto[]> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  return (await listCertificatesOfUser(app.db, actor.userId)).map((row) => ({
    id: row.id,
    code: row.code,
    kind: row.kind,
    achievementName: achievementNameOf(row),
    issuedAt: row.issued_at,
    revokedAt: row.revoked_at,
    cohortId: row.cohort_id,
    programmeSlug: row.programme_slug,
    ...certificateUrls(services.origin, row.code),
  }));
}
