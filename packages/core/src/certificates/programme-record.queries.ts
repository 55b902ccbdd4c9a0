import {
  findProgrammeBySlug,
  listProgrammes,
  type Database,
  type Kysely,
  type ProgrammeRow,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { SITE } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';
import type { CertificateLocale } from './certificate-pdf.texts.ts';
import type { CertificateServices } from './certificate-services.ts';
import { certificateUrls, type CertificateUrls } from './certificate-urls.ts';
import { issueEarnedDiplomas } from './diploma.commands.ts';
import { diplomaCriteria, programmeOf, programmeTexts } from './programme-diploma.ts';
import { evaluateProgramme, type ProgrammeCourseState } from './programme.rules.ts';

/** A certificate or diploma as the programme record shows it. */
export interface RecordCertificateDto extends CertificateUrls {
  readonly code: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
}

/** One course of a programme record. */
export interface RecordCourseDto {
  readonly key: string;
  readonly title: string;
  readonly role: 'required' | 'elective';
  readonly state: ProgrammeCourseState;
  /** The valid certificate that earned it (the newest), when earned. */
  readonly certificate: RecordCertificateDto | null;
  /** A certificate of this course that was revoked (shown so the record and "My certificates" never disagree). */
  readonly revoked: RecordCertificateDto | null;
}

/** A learner's record in one programme: what is earned, what is pending, and the diploma. */
export interface ProgrammeRecordDto {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly note: string | null;
  readonly courses: readonly RecordCourseDto[];
  readonly requiredTotal: number;
  readonly requiredEarned: number;
  readonly electivesNeeded: number;
  readonly electivesEarned: number;
  readonly electivesMissing: number;
  /** The rule is met (the diploma is issued with it, unless it was revoked). */
  readonly met: boolean;
  /** The rule cannot be met with the courses offered on this platform yet. */
  readonly blocked: boolean;
  readonly diploma: RecordCertificateDto | null;
}

interface HeldCertificate {
  readonly slug: string;
  readonly code: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
}

// The person's course certificates by course slug, newest first: the same rows "My certificates" lists.
async function heldCertificates(db: Kysely<Database>, userId: string): Promise<HeldCertificate[]> {
  const rows = await db
    .selectFrom('certificates')
    .innerJoin('cohorts', 'cohorts.id', 'certificates.cohort_id')
    .innerJoin('courses', 'courses.id', 'cohorts.course_id')
    .select([
      'courses.slug',
      'certificates.code',
      'certificates.issued_at',
      'certificates.revoked_at',
      'certificates.sequence',
    ])
    .where('certificates.user_id', '=', userId)
    .where('certificates.kind', '=', 'certificate')
    .orderBy('certificates.issued_at', 'desc')
    .orderBy('certificates.sequence', 'desc')
    .execute();
  return rows.map((r) => ({ slug: r.slug, code: r.code, issuedAt: r.issued_at, revokedAt: r.revoked_at }));
}

const recordCertificate = (origin: string, c: Omit<HeldCertificate, 'slug'>): RecordCertificateDto => ({
  code: c.code,
  issuedAt: c.issuedAt,
  revokedAt: c.revokedAt,
  ...certificateUrls(origin, c.code),
});

async function buildRecord(
  app: App,
  services: CertificateServices,
  userId: string,
  row: ProgrammeRow,
  held: readonly HeldCertificate[],
  locale: CertificateLocale,
): Promise<ProgrammeRecordDto> {
  const programme = programmeOf(row);
  const texts = await programmeTexts(app.db, programme, locale);
  const valid = held.filter((c) => c.revokedAt === null);
  const standing = evaluateProgramme(programme, new Set(valid.map((c) => c.slug)));
  const diploma = await app.db
    .selectFrom('certificates')
    .select(['code', 'issued_at', 'revoked_at'])
    .where('programme_slug', '=', programme.slug)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return {
    slug: programme.slug,
    title: texts.title,
    summary: texts.summary,
    note: texts.note,
    courses: standing.courses.map((c) => {
      const earnedBy = valid.find((h) => h.slug === c.key);
      const revoked = earnedBy ? undefined : held.find((h) => h.slug === c.key && h.revokedAt !== null);
      return {
        key: c.key,
        title: texts.courseTitles.get(c.key) ?? c.key,
        role: c.role,
        state: c.state,
        certificate: earnedBy ? recordCertificate(services.origin, earnedBy) : null,
        revoked: revoked ? recordCertificate(services.origin, revoked) : null,
      };
    }),
    requiredTotal: standing.requiredTotal,
    requiredEarned: standing.requiredEarned,
    electivesNeeded: standing.electivesNeeded,
    electivesEarned: standing.electivesEarned,
    electivesMissing: standing.electivesMissing,
    met: standing.met,
    blocked: standing.blocked,
    diploma: diploma
      ? recordCertificate(services.origin, {
          code: diploma.code,
          issuedAt: diploma.issued_at,
          revokedAt: diploma.revoked_at,
        })
      : null,
  };
}

/**
 * The signed-in person's record in every programme, in `locale`. Issues any diploma they have earned first, so it
 * shows at once (the recurring job issues it anyway).
 * @throws UnauthenticatedError
 */
export async function listMyProgrammeRecords(
  app: App,
  services: CertificateServices,
  actor: Actor,
  locale: CertificateLocale,
): Promise<readonly ProgrammeRecordDto[]> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  await issueEarnedDiplomas(app, services, actor.userId);
  const held = await heldCertificates(app.db, actor.userId);
  const records: ProgrammeRecordDto[] = [];
  for (const row of await listProgrammes(app.db))
    records.push(await buildRecord(app, services, actor.userId, row, held, locale));
  return records;
}

/**
 * The signed-in person's record in one programme, in `locale` (issuing the diploma first when it is due).
 * @throws UnauthenticatedError; NotFoundError `programme.not_found`
 */
export async function getMyProgrammeRecord(
  app: App,
  services: CertificateServices,
  actor: Actor,
  slug: string,
  locale: CertificateLocale,
): Promise<ProgrammeRecordDto> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const row = await findProgrammeBySlug(app.db, slug.slice(0, 200));
  if (!row) throw new NotFoundError('programme.not_found');
  await issueEarnedDiplomas(app, services, actor.userId);
  const held = await heldCertificates(app.db, actor.userId);
  return buildRecord(app, services, actor.userId, row, held, locale);
}

/** A diploma as the site admins' list shows it. */
export interface DiplomaListItemDto {
  readonly id: string;
  readonly code: string;
  readonly recipientName: string;
  readonly programmeSlug: string;
  readonly programmeTitle: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
  readonly revokeReason: string | null;
  readonly verifyUrl: string;
}

/**
 * Every diploma issued, newest first, for the site admins who may revoke them.
 * @throws ForbiddenError unless a site admin
 */
export async function listDiplomas(
  app: App,
  services: CertificateServices,
  actor: Actor,
  locale: CertificateLocale,
): Promise<readonly DiplomaListItemDto[]> {
  assertCan(actor, 'diploma.revoke', SITE);
  const titles = new Map(
    (await listProgrammes(app.db)).map((p) => {
      const programme = programmeOf(p);
      return [p.slug, (locale === 'fr' && programme.fr.title) || programme.title];
    }),
  );
  const rows = await app.db
    .selectFrom('certificates')
    .selectAll()
    .where('kind', '=', 'diploma')
    .orderBy('issued_at', 'desc')
    .orderBy('sequence', 'desc')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    recipientName: r.recipient_name,
    programmeSlug: r.programme_slug ?? '',
    programmeTitle: titles.get(r.programme_slug ?? '') ?? r.programme_slug ?? '',
    issuedAt: r.issued_at,
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    verifyUrl: certificateUrls(services.origin, r.code).verifyUrl,
  }));
}

/** A programme as anyone may read it (the page its diploma's achievement id points to). */
export interface ProgrammePublicDto {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly note: string | null;
  readonly criteria: string;
  readonly courses: readonly {
    readonly key: string;
    readonly title: string;
    readonly role: 'required' | 'elective';
    readonly offered: boolean;
  }[];
}

/**
 * The public description of a programme and its diploma, in `locale` (no account needed).
 * @throws NotFoundError `programme.not_found`
 */
export async function getProgrammePublic(
  app: App,
  slug: string,
  locale: CertificateLocale,
): Promise<ProgrammePublicDto> {
  const row = await findProgrammeBySlug(app.db, slug.slice(0, 200));
  if (!row) throw new NotFoundError('programme.not_found');
  const programme = programmeOf(row);
  const texts = await programmeTexts(app.db, programme, locale);
  return {
    slug: programme.slug,
    title: texts.title,
    summary: texts.summary,
    note: texts.note,
    criteria: diplomaCriteria(programme, texts, locale),
    courses: programme.courses.map((c) => ({
      key: c.key,
      title: texts.courseTitles.get(c.key) ?? c.key,
      role: c.role,
      offered: c.offered,
    })),
  };
}
