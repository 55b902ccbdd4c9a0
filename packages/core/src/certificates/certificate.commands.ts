import {
  findCertificateById,
  findCohortById,
  findEnrolment,
  findUserByEmail,
  findUserById,
  lockCertificates,
  markCertificateRevoked,
  type CertificateRow,
  type CohortRow,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { loadCohortAccess, SITE } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { ConflictError, DomainValidationError, NotFoundError } from '../errors/domain-errors.ts';
import { cohortLocale, courseAchievement, courseCertificateOf } from './certificate-course.ts';
import { issueOnce, resignStatusList, type IssueException, type IssueSubject } from './certificate-issue.ts';
import type { CertificateServices } from './certificate-services.ts';
import { issueDiplomasAfterCertificate } from './diploma.commands.ts';
import { certificateUrls, type CertificateUrls } from './certificate-urls.ts';
import {
  parseCertificateInput,
  issueExceptionSchema,
  revokeSchema,
  type IssueExceptionInput,
  type RevokeInput,
} from './certificate.schema.ts';
import { loadCompletions } from './completion.queries.ts';
import { findCourseById } from '@labmig/db';

/** An issued certificate as commands return it. */
export interface IssuedCertificateDto extends CertificateUrls {
  readonly id: string;
  readonly code: string;
  /** False when the person already had it (nothing was issued now). */
  readonly created: boolean;
}

const dto = (origin: string, row: CertificateRow, created: boolean): IssuedCertificateDto => ({
  id: row.id,
  code: row.code,
  created,
  ...certificateUrls(origin, row.code),
});

async function cohortSubject(db: Kysely<Database>, origin: string, cohort: CohortRow): Promise<IssueSubject> {
  const course = await findCourseById(db, cohort.course_id);
  if (!course) throw new Error(`cohort ${cohort.id} has no course ${cohort.course_id}`);
  const locale = cohortLocale(cohort);
  return {
    kind: 'certificate',
    cohortId: cohort.id,
    programmeSlug: null,
    achievement: courseAchievement(origin, courseCertificateOf(course, locale), locale),
    activity: { startDate: cohort.starts_on, endDate: cohort.ends_on },
    locale,
  };
}

async function issueToLearner(
  app: App,
  services: CertificateServices,
  cohort: CohortRow,
  userId: string,
  exception: IssueException | null,
) {
  const user = await findUserById(app.db, userId);
  if (!user) throw new NotFoundError('certificate.user_not_found');
  const subject = await cohortSubject(app.db, services.origin, cohort);
  const result = await issueOnce(
    app,
    services,
    subject,
    { userId, name: user.name, email: user.email },
    exception,
  );
  // A new certificate may complete a programme: its diploma is issued at once (never twice, see issueOnce).
  if (result.created) await issueDiplomasAfterCertificate(app, services, userId);
  return result;
}

/**
 * Issues the certificate of every learner of a cohort (active or withdrawn) who meets the completion rule and has
 * none yet; returns how many were issued now. Safe to run from several processes at once (see `issueOnce`).
 */
export async function issueEarnedCertificates(
  app: App,
  services: CertificateServices,
  cohortId: string,
): Promise<number> {
  const cohort = await findCohortById(app.db, cohortId);
  if (!cohort) throw new NotFoundError('cohort.not_found');
  const learners = await app.db
    .selectFrom('enrolments')
    .leftJoin('certificates', (join) =>
      join
        .onRef('certificates.cohort_id', '=', 'enrolments.cohort_id')
        .onRef('certificates.user_id', '=', 'enrolments.user_id'),
    )
    .select('enrolments.user_id')
    .where('enrolments.cohort_id', '=', cohortId)
    .where('enrolments.role', '=', 'learner')
    .where('enrolments.status', 'in', ['active', 'withdrawn'])
    .where('certificates.id', 'is', null)
    .execute();
  const userIds = learners.map((l) => l.user_id);
  if (userIds.length === 0) return 0;
  const { byUser } = await loadCompletions(app.db, cohort, userIds, app.clock.now(), cohortLocale(cohort));
  let issued = 0;
  for (const userId of userIds) {
    if (!byUser.get(userId)?.complete) continue;
    if ((await issueToLearner(app, services, cohort, userId, null)).created) issued += 1;
  }
  return issued;
}

/**
 * Issues the actor's own certificate when they meet the rule and have none yet (called when they open their
 * course home or certificates, so it appears at once; the recurring job catches everyone else).
 */
export async function claimEarnedCertificate(
  app: App,
  services: CertificateServices,
  actor: Actor,
  cohortId: string,
): Promise<IssuedCertificateDto | null> {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'completion.own', access, { hidden: 'cohort.not_found' });
  const { byUser } = await loadCompletions(
    app.db,
    cohort,
    [actor.userId],
    app.clock.now(),
    cohortLocale(cohort),
  );
  if (!byUser.get(actor.userId)?.complete) return null;
  const { row, created } = await issueToLearner(app, services, cohort, actor.userId, null);
  return dto(services.origin, row, created);
}

/**
 * A manager's exception: issues the certificate of one learner of the cohort whatever the completion rule says,
 * recording who and why.
 * @throws DomainValidationError (bad email, reason too short, `certificate.user_not_found`,
 *   `certificate.not_a_learner`); ConflictError `certificate.already_issued`; ForbiddenError unless an active
 *   manager of the cohort or a site admin
 */
export async function issueCertificateException(
  app: App,
  services: CertificateServices,
  actor: Actor,
  input: IssueExceptionInput,
): Promise<IssuedCertificateDto> {
  const data = parseCertificateInput(issueExceptionSchema, input);
  const { cohort, access } = await loadCohortAccess(app.db, actor, data.cohortId);
  assertCan(actor, 'certificate.issue', access, { hidden: 'cohort.not_found' });
  return issueException(app, services, cohort, data, actor.userId);
}

/**
 * The same exception from the server's command line (`labmig certificate issue`): whoever runs the server
 * decides; `issued_by` stays empty and the reason is kept.
 */
export async function issueCertificateByOperator(
  app: App,
  services: CertificateServices,
  input: IssueExceptionInput,
): Promise<IssuedCertificateDto> {
  const data = parseCertificateInput(issueExceptionSchema, input);
  const cohort = await findCohortById(app.db, data.cohortId);
  if (!cohort) throw new NotFoundError('cohort.not_found');
  return issueException(app, services, cohort, data, null);
}

async function issueException(
  app: App,
  services: CertificateServices,
  cohort: CohortRow,
  data: { readonly email: string; readonly reason: string },
  byUserId: string | null,
): Promise<IssuedCertificateDto> {
  const user = await findUserByEmail(app.db, data.email);
  if (!user)
    throw new DomainValidationError({ email: 'certificate.user_not_found' }, 'certificate.user_not_found');
  const enrolment = await findEnrolment(app.db, cohort.id, user.id);
  if (!enrolment || enrolment.role !== 'learner' || enrolment.status === 'waitlisted')
    throw new DomainValidationError({ email: 'certificate.not_a_learner' }, 'certificate.not_a_learner');
  const { row, created } = await issueToLearner(app, services, cohort, user.id, {
    byUserId,
    reason: data.reason,
  });
  if (!created) throw new ConflictError('certificate.already_issued');
  return dto(services.origin, row, true);
}

/** What a revocation returns. */
export interface RevokedCertificateDto {
  readonly id: string;
  readonly code: string;
  readonly revokedAt: string;
}

/**
 * Revokes a certificate (it stays, marked revoked with the date and reason) and re-signs its revocation list in the
 * same transaction, so the page, the list and the CLI agree at once.
 * @throws NotFoundError `certificate.not_found`; ConflictError `certificate.already_revoked`; ForbiddenError
 *   unless an active manager of the cohort or a site admin (diplomas: site admins)
 */
export async function revokeCertificate(
  app: App,
  services: CertificateServices,
  actor: Actor,
  input: RevokeInput,
): Promise<RevokedCertificateDto> {
  const data = parseCertificateInput(revokeSchema, input);
  const found = await findCertificateById(app.db, data.certificateId);
  if (!found) throw new NotFoundError('certificate.not_found');
  if (found.cohort_id !== null) {
    const { access } = await loadCohortAccess(app.db, actor, found.cohort_id);
    assertCan(actor, 'certificate.revoke', access, { hidden: 'certificate.not_found' });
  } else {
    assertCan(actor, 'diploma.revoke', SITE);
  }
  return revoke(app, services, found.id, data.reason, actor.userId);
}

/** The same revocation from the server's command line (`labmig certificate revoke`). */
export async function revokeCertificateByOperator(
  app: App,
  services: CertificateServices,
  input: RevokeInput,
): Promise<RevokedCertificateDto> {
  const data = parseCertificateInput(revokeSchema, input);
  return revoke(app, services, data.certificateId, data.reason, null);
}

async function revoke(
  app: App,
  services: CertificateServices,
  certificateId: string,
  reason: string,
  byUserId: string | null,
): Promise<RevokedCertificateDto> {
  const revokedAt = app.clock.now().toISOString();
  return app.db.transaction().execute(async (trx) => {
    await lockCertificates(trx);
    const row = await findCertificateById(trx, certificateId);
    if (!row) throw new NotFoundError('certificate.not_found');
    if (row.revoked_at) throw new ConflictError('certificate.already_revoked');
    await markCertificateRevoked(trx, row.id, {
      revoked_at: revokedAt,
      revoked_by: byUserId,
      revoke_reason: reason,
    });
    await resignStatusList(app, services, trx, row.status_list);
    return { id: row.id, code: row.code, revokedAt };
  });
}
