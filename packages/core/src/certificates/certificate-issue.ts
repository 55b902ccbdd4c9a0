import { randomBytes } from 'node:crypto';
import {
  findCohortCertificate,
  findProgrammeCertificate,
  findStatusList,
  insertCertificate,
  isCertificateCodeTaken,
  listRevokedIndexes,
  lockCertificates,
  newId,
  saveStatusList,
  takeCertificateSequence,
  type CertificateRow,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { App } from '../app/app.ts';
import { isUniqueViolation } from '../shared/unique-violation.ts';
import { createUnusedCertificateCode } from './certificate-code.rules.ts';
import type { CertificateLocale } from './certificate-pdf.texts.ts';
import type { CertificateServices } from './certificate-services.ts';
import { certificateUrls, statusListUrl } from './certificate-urls.ts';
import type { AchievementInput } from './open-badge.build.ts';
import { statusListPosition } from './status-list.ts';

/** What one certificate or diploma certifies: a cohort's course, or a programme. */
export interface IssueSubject {
  readonly kind: 'certificate' | 'diploma';
  readonly cohortId: string | null;
  readonly programmeSlug: string | null;
  readonly achievement: AchievementInput;
  readonly activity?: { readonly startDate: string; readonly endDate: string };
  readonly locale: CertificateLocale;
}

/** The person it is issued to. */
export interface Recipient {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
}

/** A manager's exception: who issued it, and why. */
export interface IssueException {
  /** The manager; null when the server's operator issued it from the command line. */
  readonly byUserId: string | null;
  readonly reason: string;
}

const CODE_PREFIX = 'LM';
const MAX_TRIES = 4;

function findExisting(db: Kysely<Database>, subject: IssueSubject, userId: string) {
  return subject.cohortId !== null
    ? findCohortCertificate(db, subject.cohortId, userId)
    : findProgrammeCertificate(db, subject.programmeSlug ?? '', userId);
}

/**
 * Issues one certificate or diploma unless the person already has one for the subject; returns the row and whether
 * it was created now. Race-safe: the counter row serialises issuers, the existing row is looked up after taking it,
 * and the unique constraints (person × cohort, person × programme, code, status-list slot) settle anything else —
 * a losing transaction is retried and then finds the winner's row. Never issues twice, never reuses a number.
 */
export async function issueOnce(
  app: App,
  services: CertificateServices,
  subject: IssueSubject,
  recipient: Recipient,
  exception: IssueException | null,
): Promise<{ readonly row: CertificateRow; readonly created: boolean }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await app.db.transaction().execute(async (trx) => {
        await lockCertificates(trx);
        const existing = await findExisting(trx, subject, recipient.userId);
        if (existing) return { row: existing, created: false };
        const row = await signNew(app, services, trx, subject, recipient, exception);
        await insertCertificate(trx, row);
        if ((await findStatusList(trx, row.status_list)) === undefined)
          await resignStatusList(app, services, trx, row.status_list);
        return { row, created: true };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= MAX_TRIES) throw error;
    }
  }
}

async function signNew(
  app: App,
  services: CertificateServices,
  trx: Kysely<Database>,
  subject: IssueSubject,
  recipient: Recipient,
  exception: IssueException | null,
): Promise<CertificateRow> {
  const now = app.clock.now();
  const sequence = await takeCertificateSequence(trx);
  const { list, index } = statusListPosition(sequence);
  const code = await createUnusedCertificateCode(CODE_PREFIX, now.getUTCFullYear(), (c) =>
    isCertificateCodeTaken(trx, c),
  );
  const urls = certificateUrls(services.origin, code);
  const name = recipient.name.normalize('NFC').trim();
  const signed = await services.issuer.issue({
    id: urls.credentialUrl,
    recipient: { name, email: recipient.email.toLowerCase(), emailSalt: randomBytes(8).toString('hex') },
    achievement: subject.achievement,
    ...(subject.activity ? { activity: subject.activity } : {}),
    status: {
      statusListCredential: statusListUrl(services.origin, list),
      statusListIndex: index,
      statusPurpose: 'revocation',
    },
    awardedAt: now,
  });
  return {
    id: newId(),
    code,
    kind: subject.kind,
    cohort_id: subject.cohortId,
    programme_slug: subject.programmeSlug,
    user_id: recipient.userId,
    recipient_name: name,
    locale: subject.locale,
    sequence,
    status_list: list,
    status_index: index,
    credential: signed.json,
    issued_at: now.toISOString(),
    issued_by: exception?.byUserId ?? null,
    issue_reason: exception?.reason ?? null,
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
  };
}

/** Signs revocation list `list` anew from the revocations stored in `trx` and keeps its text. */
export async function resignStatusList(
  app: App,
  services: CertificateServices,
  trx: Kysely<Database>,
  list: number,
): Promise<string> {
  const signed = await services.issuer.signStatusList(list, await listRevokedIndexes(trx, list));
  await saveStatusList(trx, list, signed.json, app.clock.now().toISOString());
  return signed.json;
}
